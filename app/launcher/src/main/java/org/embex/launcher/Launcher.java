package org.embex.launcher;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.embex.cli.EmbexCommand;

/**
 * The {@code ./embex} entry point: with no arguments it opens the explorer on the bundled sample,
 * otherwise it runs the command given. The one class that knows both faces: the command line gets
 * the window's {@code open} and {@code plot} as commands of its own. Not an {@code Application}: a main class started from the
 * classpath must not be one (DESIGN.md).
 */
public final class Launcher {

    /**
     * JavaFX warns at start that it was loaded from the classpath, which is how embex runs on
     * purpose (DESIGN.md); held here so the quieter level outlives garbage collection.
     */
    private static final Logger JAVAFX_START = Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        JAVAFX_START.setLevel(Level.SEVERE);
        String[] command = args.length == 0 ? new String[] {"open"} : args;
        System.exit(EmbexCommand.commandLineFor(command, new OpenCommand(), new PlotCommand(), new ServeCommand()).execute(command));
    }
}
