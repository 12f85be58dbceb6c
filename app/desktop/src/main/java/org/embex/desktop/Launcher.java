package org.embex.desktop;

import org.embex.cli.EmbexCommand;
import org.embex.desktop.plot.PlotCommand;

/**
 * The {@code ./embex} entry point: with no arguments it opens the explorer on the bundled sample,
 * otherwise it runs the command given. Not an {@code Application}: a main class started from the
 * classpath must not be one (DESIGN.md).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        String[] command = args.length == 0 ? new String[] {"open"} : args;
        System.exit(EmbexCommand.commandLine(new OpenCommand(), new PlotCommand()).execute(command));
    }
}
