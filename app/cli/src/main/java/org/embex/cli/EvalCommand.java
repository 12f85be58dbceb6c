package org.embex.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the evaluations. */
@Command(name = "eval", header = "Evaluate a model on labelled data.", subcommands = {StsCommand.class, PairsCommand.class, GateEvalCommand.class, ClassifyCommand.class, RetrievalCommand.class})
final class EvalCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
