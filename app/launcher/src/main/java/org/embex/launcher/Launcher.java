package org.embex.launcher;

import org.embex.cli.EmbexCommand;

/**
 * The {@code ./embex} entry point: with no arguments it opens the explorer on the bundled sample,
 * otherwise it runs the command given. The one class that knows both faces: the command line gets
 * the window's {@code open} and {@code plot} as commands of its own. Not an {@code Application}: a main class started from the
 * classpath must not be one (DESIGN.md).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        String[] command = args.length == 0 ? new String[] {"open"} : args;
        System.exit(EmbexCommand.commandLineFor(command, new OpenCommand(), new PlotCommand(), new ServeCommand()).execute(command));
    }
}
