package org.embex.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the measurements that make a trade-off visible on the user's own corpus. */
@Command(name = "tune", header = "Measure trade-offs on your corpus: the search index, the batch size, the model.",
        subcommands = {TuneIndexCommand.class, TuneBatchCommand.class, TuneModelsCommand.class})
final class TuneCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
