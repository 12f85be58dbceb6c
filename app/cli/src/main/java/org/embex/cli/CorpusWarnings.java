package org.embex.cli;

import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.ModelChoice;
import org.embex.usecase.Workspace;

/**
 * What every command that embeds a corpus says on stderr about how the model read it: the lines
 * the window's banner shows ({@link ModelChoice#warnings}), each after "warning: ".
 */
public final class CorpusWarnings {

    private CorpusWarnings() {
    }

    public static void print(OutputOptions output, Workspace workspace, EmbeddedCorpus corpus) {
        ModelChoice.warnings(workspace, corpus).forEach(line -> output.err().println("warning: " + line));
    }
}
