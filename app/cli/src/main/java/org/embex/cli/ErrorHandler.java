package org.embex.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

import org.embex.BadInputException;
import org.embex.EmbexException;

/**
 * The one place failures become exit codes and messages: one line on stderr, on a line of its
 * own (after a progress bar), never a stack trace or an exception's class name unless
 * {@code EMBEX_DEBUG} is set. Bad input (a file, a column, a model, an option) exits 2; a failure
 * of embex or the machine exits 1.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        PrintWriter err = start(commandLine);
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
        err.println("embex: unexpected failure" + (exception.getMessage() == null ? "" : ": " + exception.getMessage())
                + " (set EMBEX_DEBUG=1 to see where)");
        return ExitCode.FAILURE;
    }

    /** A wrong option or argument: what is wrong, and where the command's options are described. */
    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = start(command);
        String name = command.getCommandSpec().qualifiedName();
        String message = plain(exception.getMessage().strip().replace(System.lineSeparator(), " ").replace('\n', ' '));
        err.println(name + ": " + message + " (see '" + name + " --help')");
        return ExitCode.BAD_INPUT;
    }

    /**
     * picocli's conversion messages name Java types and wrap the converter's exception
     * ("cannot convert 'x' to interface java.nio.file.Path (java.nio.file.InvalidPathException: ...)"):
     * a user needs the value and what is wrong with it.
     */
    static String plain(String message) {
        return message.replaceAll("(interface|class) java\\.(?:\\w+\\.)*(\\w+)", "a $2")
                .replaceAll("\\(java\\.(?:\\w+\\.)*\\w+(?:Exception|Error): ?([^)]*)\\)", "($1)")
                .replace("a Path", "a path");
    }

    private static PrintWriter start(CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        if (err instanceof StderrLine line) {
            line.endLine();
        }
        return err;
    }
}
