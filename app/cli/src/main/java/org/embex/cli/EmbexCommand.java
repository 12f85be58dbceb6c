package org.embex.cli;

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
        header = "Explore text embeddings on your own machine.",
        subcommands = {
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
            CommandLine.HelpCommand.class
        })
public final class EmbexCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** The command line, with {@code extra} subcommands from faces built on top of this one (the desktop's). */
    public static CommandLine commandLine(Object... extra) {
        CommandLine commandLine = new CommandLine(new EmbexCommand());
        for (Object command : extra) {
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
