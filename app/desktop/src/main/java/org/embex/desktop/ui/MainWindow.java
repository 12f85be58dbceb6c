package org.embex.desktop.ui;

import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.Settings;

/** The explorer's main window: sized and placed as the person left it, remembered when it closes. */
public final class MainWindow {

    private MainWindow() {
    }

    /** Shows {@code explorer} in {@code stage}, at the size and place last used. */
    public static void show(Stage stage, Explorer explorer, Settings settings) {
        stage.setScene(scene(explorer, settings));
        stage.setTitle("embex");
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.flag("window.maximized", false));
        stage.setOnCloseRequest(event -> {
            settings.setFlag("window.maximized", stage.isMaximized());
            if (!stage.isMaximized()) {
                settings.setNumber("window.x", stage.getX());
                settings.setNumber("window.y", stage.getY());
                settings.setNumber("window.width", stage.getWidth());
                settings.setNumber("window.height", stage.getHeight());
            }
        });
        stage.show();
    }

    /** Closes {@code stage} a second after {@code model}'s first corpus is on screen, time for its map to be drawn. */
    public static void closeOnceShown(Stage stage, ExplorerViewModel model) {
        PauseTransition drawn = new PauseTransition(Duration.seconds(1));
        drawn.setOnFinished(event -> stage.close());
        model.corpusProperty().addListener((o, was, now) -> drawn.playFromStart());
    }

    /** The scene around an explorer, at the size last used. */
    public static Scene scene(Explorer explorer, Settings settings) {
        return Themes.fitted(explorer, settings.number("window.width", 1440), settings.number("window.height", 900));
    }
}
