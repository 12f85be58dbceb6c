package org.embex.desktop;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.stage.Stage;

import org.embex.desktop.ui.BackgroundJobs;
import org.embex.desktop.ui.Explorer;
import org.embex.desktop.ui.MainWindow;
import org.embex.desktop.ui.Themes;
import org.embex.desktop.ui.WindowDialogs;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.Settings;
import org.embex.usecase.Workspace;

/** The explorer application: puts the workspace, the view model and the window together, and opens a corpus at once. */
public final class ExplorerApp extends Application {

    /**
     * What to open and where models and vectors live; set before the toolkit starts the application.
     *
     * @param closeWhenShown close the window a second after the corpus's first map is on screen: a
     *                       rehearsed start, whose loaded classes go into the package's class-data archive
     */
    public record Start(Path corpus, Path modelsDir, Path cacheFile, boolean closeWhenShown) {
    }

    private static volatile Start start;
    private Workspace workspace;
    private BackgroundJobs jobs;
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
        jobs = new BackgroundJobs();
        ExplorerViewModel model = new ExplorerViewModel(workspace, settings, jobs, new WindowDialogs(() -> stage));
        // The corpus is read and looked up in the cache while the window's controls are built: each
        // takes the better part of a second at start, and there are two cores to do them on.
        model.open(start.corpus());
        explorer = new Explorer(model, settings, new Themes());
        MainWindow.show(stage, explorer, settings);
        if (start.closeWhenShown()) {
            MainWindow.closeOnceShown(stage, model);
        }
    }

    /** Stops the jobs (they end at their next progress report) before the workspace closes under them. */
    @Override
    public void stop() {
        if (explorer != null) {
            explorer.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }
}
