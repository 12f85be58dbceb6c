package org.embex.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: prints usage when no subcommand is given. */
@Command(name = "embex",
        mixinStandardHelpOptions = true,
        // Every command takes --help (and --version); required options are not asked for then.
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = ManifestVersion.class,
        header = "Explore text embeddings on your own machine.")
public final class EmbexCommand implements Runnable {

    /** This face's commands, in the order the usage lists them (the faces' extra commands follow). */
    private static final List<Class<?>> COMMANDS = List.of(
            ModelsCommand.class,
            SimilarityCommand.class,
            EmbedCommand.class,
            SearchCommand.class,
            EvalCommand.class,
            CacheCommand.class,
            GateCommand.class,
            ClusterCommand.class,
            ProjectCommand.class,
            CompareCommand.class,
            DuplicatesCommand.class,
            RecommendCommand.class,
            TuneCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    /** The command line, with {@code extra} subcommands from faces built on top of this one (the desktop's). */
    public static CommandLine commandLine(Object... extra) {
        return commandLineFor(new String[0], extra);
    }

    /**
     * The command line for {@code args}: when they start with a command's name, only that command
     * is built. picocli reads every command's annotations as it is added, about 0.4 s for all of
     * them on each start (decision record 0022). Anything else (no command, an option, a misspelt
     * name, {@code help}, which tells of the others) gets them all, for the usage and picocli's
     * suggestions.
     */
    public static CommandLine commandLineFor(String[] args, Object... extra) {
        List<Object> commands = new ArrayList<>(COMMANDS);
        commands.addAll(List.of(extra));
        if (args.length > 0 && !args[0].equals(name(CommandLine.HelpCommand.class))) {
            for (Object command : commands) {
                if (name(command instanceof Class<?> type ? type : command.getClass()).equals(args[0])) {
                    return build(List.of(command));
                }
            }
        }
        return build(commands);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static CommandLine build(List<Object> commands) {
        CommandLine commandLine = new CommandLine(new EmbexCommand());
        for (Object command : commands) {
            commandLine.addSubcommand(command);
        }
        ErrorHandler errors = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setErr(new StderrLine(new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset())));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
