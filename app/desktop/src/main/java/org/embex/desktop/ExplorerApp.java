package org.embex.desktop;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.embex.desktop.ui.Explorer;
import org.embex.desktop.ui.Settings;
import org.embex.desktop.ui.Themes;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.Workspace;

/** The explorer's window: sized and placed as the user left it, opening a corpus at once. */
public final class ExplorerApp extends Application {

    /** What to open and where models and vectors live; set before the toolkit starts the application. */
    public record Start(Path corpus, Path modelsDir, Path cacheFile) {
    }

    private static volatile Start start;
    private Workspace workspace;
    private Explorer explorer;
    private Settings settings;

    /** Opens the window on {@code value} and returns when it is closed. */
    public static void launch(Start value) {
        start = value;
        Application.launch(ExplorerApp.class);
    }

    /** The English customer-service sample that ships in {@code samples/}. */
    public static Path sample() {
        return Path.of(System.getProperty("embex.root", ".")).resolve("samples").resolve("telecom-support-en.csv");
    }

    @Override
    public void start(Stage stage) {
        settings = Settings.user();
        workspace = Workspace.open(start.modelsDir(), start.cacheFile());
        explorer = new Explorer(workspace, settings, new Themes());
        stage.setScene(scene(explorer, settings));
        stage.setTitle("embex");
        placeWindow(stage, settings);
        stage.show();
        explorer.open(CorpusSpec.defaults(start.corpus()));
    }

    /** The scene around an explorer, at the size last used. */
    public static Scene scene(Explorer explorer, Settings settings) {
        return Themes.fitted(explorer, settings.number("window.width", 1440), settings.number("window.height", 900));
    }

    private static void placeWindow(Stage stage, Settings settings) {
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
    }

    @Override
    public void stop() {
        if (explorer != null) {
            explorer.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        settings.save();
    }
}
