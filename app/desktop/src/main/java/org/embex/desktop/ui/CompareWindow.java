package org.embex.desktop.ui;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.embex.desktop.compare.ComparePane;
import org.embex.usecase.SideBySide;

/** Two models side by side, in a window of its own. */
final class CompareWindow {

    private final Stage stage = new Stage();
    private final ComparePane pane = new ComparePane();
    private SideBySide shown;

    CompareWindow(Window owner, Themes themes, Consumer<Path> onStsFile) {
        stage.initOwner(owner);
        stage.setTitle("embex — compare models");
        Scene scene = Themes.fitted(pane, 1320, 860);
        stage.setScene(scene);
        pane.setDark(themes.dark());
        pane.onStsFile(onStsFile);
    }

    void show(SideBySide pair) {
        shown = pair;
        pane.show(pair);
        // Beside the map, not over it: a text picked here is ringed there.
        Beside.show(stage.getOwner(), stage, stage.getScene().getWidth(), stage.getScene().getHeight());
    }

    void setDark(boolean dark) {
        pane.setDark(dark);
    }

    /** The pair on screen, or null. */
    SideBySide shown() {
        return shown;
    }

    ComparePane pane() {
        return pane;
    }

    Stage stage() {
        return stage;
    }
}
