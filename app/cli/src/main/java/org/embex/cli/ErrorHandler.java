package org.embex.cli;

import picocli.CommandLine;

import org.embex.BadInputException;
import org.embex.EmbexException;

/**
 * The one place where failures become a line on stderr and an exit code: no stack trace unless
 * {@code EMBEX_DEBUG} is set.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (System.getenv("EMBEX_DEBUG") != null) {
            exception.printStackTrace(err);
        }
        if (exception instanceof BadInputException) {
            err.println("embex: " + exception.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (exception instanceof EmbexException) {
            err.println("embex: " + exception.getMessage());
            return ExitCode.FAILURE;
        }
        err.println("embex: unexpected failure: " + exception
                + " (set EMBEX_DEBUG=1 to see where)");
        return ExitCode.FAILURE;
    }
}
