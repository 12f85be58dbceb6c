package org.embex.desktop.ui;

import java.util.concurrent.Callable;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
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

    /** {@code work} on the JavaFX thread, its answer back on the test's. */
    static <T> T fx(Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }

    /**
     * The node {@code query} finds, looked up on the JavaFX thread. Looked up from the test's thread,
     * TestFX walks the window list while JavaFX changes it (a dialog or tooltip closing), which fails
     * now and then with an IndexOutOfBoundsException.
     */
    static <T extends Node> T node(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).<T>query());
    }

    /** Clicks the node {@code query} finds, looked up on the JavaFX thread as {@link #node} says why. */
    static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
        Node target = node(robot, query);
        return robot.clickOn(target);
    }

    /** Whether {@code query} finds a showing node, looked up on the JavaFX thread as {@link #node} says why. */
    static boolean showing(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    /** {@code work} on the JavaFX thread, waited for. */
    static void fx(Runnable work) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }
}
