package org.embex.cli;

/** What a command's exit status means. */
public final class ExitCode {

    public static final int OK = 0;
    /** embex or the machine failed: a damaged cache, a model that cannot load, a full disk. */
    public static final int FAILURE = 1;
    /** The user's input is wrong: a file, a column, a model, an option, a path that holds no embex cache. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
