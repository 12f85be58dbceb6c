package org.embex.desktop.ui;

import java.util.Optional;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.embex.desktop.tuning.BatchTuningPane;
import org.embex.desktop.tuning.IndexTuningPane;
import org.embex.desktop.tuning.ModelsTuningPane;
import org.embex.desktop.viewmodel.TuningViewModel;

/** The trade-offs measured on the corpus on screen, a tab each (the search index, the batch size, the models), in a window beside the map. */
final class TuningWindow {

    private final Stage stage = new Stage();
    private final IndexTuningPane index = new IndexTuningPane();
    private final BatchTuningPane batch = new BatchTuningPane();
    private final ModelsTuningPane models = new ModelsTuningPane();
    private final Tab indexTab = new Tab("Search index", index);
    private final Tab batchTab = new Tab("Batch size", batch);
    private final Tab modelsTab = new Tab("Models", models);
    private final TabPane tabs = new TabPane(indexTab, batchTab, modelsTab);

    TuningWindow(Window owner, TuningViewModel model, Themes themes) {
        stage.initOwner(owner);
        stage.setTitle("embex — tune");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        stage.setScene(Themes.fitted(tabs, 980, 820));
        setDark(themes.dark());
        index.onKeep(model::keep);
        index.onBySize(model::forget);
        batch.onKeep(model::keepFastest);
        batch.onDefaults(model::batchDefaults);
        models.onStsFile(file -> model.measureModels(Optional.of(file)));
        model.keptProperty().addListener((o, was, now) -> index.showKept(now));
        model.keptBatchProperty().addListener((o, was, now) -> batch.showKept(now));
    }

    void showIndex(TuningViewModel.Tuned tuned, TuningViewModel model) {
        index.show(tuned.corpus(), tuned.sweep(), model.keptProperty().get());
        tabs.getSelectionModel().select(indexTab);
        show();
    }

    void showBatch(TuningViewModel.Batched batched, TuningViewModel model) {
        batch.show(batched.sweep(), model.keptBatchProperty().get());
        tabs.getSelectionModel().select(batchTab);
        show();
    }

    void showModels(TuningViewModel.Lineup lineup) {
        models.show(lineup.corpus().spec().file().getFileName().toString(), lineup.entries());
        tabs.getSelectionModel().select(modelsTab);
        show();
    }

    private void show() {
        Beside.show(stage.getOwner(), stage, stage.getScene().getWidth(), stage.getScene().getHeight());
    }

    void setDark(boolean dark) {
        index.setDark(dark);
        batch.setDark(dark);
        models.setDark(dark);
    }

    IndexTuningPane index() {
        return index;
    }

    BatchTuningPane batch() {
        return batch;
    }

    ModelsTuningPane models() {
        return models;
    }

    Stage stage() {
        return stage;
    }
}
