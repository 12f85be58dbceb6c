package org.embex.desktop;

import java.util.concurrent.Callable;

import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What window tests do on the JavaFX thread: find nodes, click them, run work. Looked up from the
 * test's thread, TestFX walks the window list while JavaFX changes it (a dialog or tooltip
 * closing), which fails now and then with an IndexOutOfBoundsException (CI of stop 39).
 */
public final class OnFxThread {

    private OnFxThread() {
    }

    /** {@code work} on the JavaFX thread, its answer back on the test's. */
    public static <T> T fx(Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }

    /** {@code work} on the JavaFX thread, waited for. */
    public static void fx(Runnable work) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }

    /** The node {@code query} (a CSS selector or a label's text) finds. */
    public static <T extends Node> T node(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).<T>query());
    }

    /** Clicks the visible node {@code query} finds, as TestFX's {@code clickOn(query)} picks it. */
    public static FxRobotInterface click(FxRobot robot, String query) {
        Node target = fx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).<Node>query());
        return robot.clickOn(target);
    }

    /** Whether {@code query} finds a showing node. */
    public static boolean showing(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }
}
