package org.embex.desktop.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.embex.desktop.explore.ThresholdStudy;
import org.embex.desktop.threshold.ThresholdPane;

/** The threshold workbench in a window of its own beside the map, so a picked text shows on the map. */
final class ThresholdWindow {

    /** The label that marks what a customer-service gate must refuse, as in the bundled samples and CLINC150. */
    static final String OUT_OF_SCOPE = "out_of_scope";

    private final Stage stage = new Stage();
    private final ThresholdPane pane = new ThresholdPane();

    ThresholdWindow(Window owner, IntConsumer onRowPicked, Themes themes) {
        stage.initOwner(owner);
        stage.setTitle("embex — threshold workbench");
        Scene scene = new Scene(pane, 1280, 800);
        scene.getStylesheets().add(Themes.stylesheet());
        stage.setScene(scene);
        pane.onRowPicked(onRowPicked);
        pane.onExport(this::export);
        pane.setDark(themes.dark());
    }

    void show(List<ThresholdStudy> studies) {
        pane.show(studies.get(0), studies.subList(1, studies.size()));
        stage.show();
        stage.toFront();
    }

    private void export(Path file) {
        pane.exportTo(file);
    }

    void setDark(boolean dark) {
        pane.setDark(dark);
    }

    ThresholdPane pane() {
        return pane;
    }

    Stage stage() {
        return stage;
    }
}
