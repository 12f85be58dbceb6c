package org.embex.desktop.ui;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import org.embex.desktop.Fixtures;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.Settings;
import org.embex.usecase.Workspace;

/** The explorer as the app builds it, in a TestFX stage, with fresh settings and the window's own jobs and dialogs. */
record WindowUnderTest(Explorer explorer, BackgroundJobs jobs) {

    static WindowUnderTest show(Stage window, Workspace workspace) {
        Settings settings = Fixtures.newSettings();
        BackgroundJobs jobs = new BackgroundJobs();
        Explorer explorer = new Explorer(new ExplorerViewModel(workspace, settings, jobs, new WindowDialogs(() -> window)),
                settings, new Themes());
        window.setScene(MainWindow.scene(explorer, settings));
        window.setWidth(1216);
        window.setHeight(798);
        window.show();
        return new WindowUnderTest(explorer, jobs);
    }

    /** Closes the window as its close button does, then stops the jobs it left. */
    void close() {
        WaitForAsyncUtils.asyncFx(explorer::close);
        WaitForAsyncUtils.waitForFxEvents();
        jobs.close();
    }
}
