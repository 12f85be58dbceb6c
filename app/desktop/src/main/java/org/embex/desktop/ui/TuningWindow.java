package org.embex.desktop.ui;

import javafx.stage.Stage;
import javafx.stage.Window;

import org.embex.desktop.tuning.TuningPane;
import org.embex.desktop.viewmodel.TuningViewModel;

/** The search index's trade-offs on the corpus on screen, in a window of its own beside the map. */
final class TuningWindow {

    private final Stage stage = new Stage();
    private final TuningPane pane = new TuningPane();

    TuningWindow(Window owner, TuningViewModel model, Themes themes) {
        stage.initOwner(owner);
        stage.setTitle("embex — tune the search index");
        stage.setScene(Themes.fitted(pane, 980, 820));
        pane.setDark(themes.dark());
        pane.onKeep(model::keep);
        pane.onBySize(model::forget);
        model.keptProperty().addListener((o, was, now) -> pane.showKept(now));
    }

    void show(TuningViewModel.Tuned tuned, TuningViewModel model) {
        pane.show(tuned.corpus(), tuned.sweep(), model.keptProperty().get());
        Beside.show(stage.getOwner(), stage, stage.getScene().getWidth(), stage.getScene().getHeight());
    }

    void setDark(boolean dark) {
        pane.setDark(dark);
    }

    TuningPane pane() {
        return pane;
    }

    Stage stage() {
        return stage;
    }
}
