package org.embex.cli;

/** The {@code ./embex} entry point. Not an {@code Application}: it must start from the classpath. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(EmbexCommand.commandLine().execute(args));
    }
}
