package org.embex.cli;

import org.embex.corpus.Corpus;
import org.embex.progress.CancellationToken;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Workspace;

/**
 * The file a command works on, embedded as every command embeds it: with a progress bar, then the
 * rows left out and the model's warnings on stderr, so that each command says them the same way.
 */
final class FileEmbedding {

    private FileEmbedding() {
    }

    static EmbeddedCorpus of(Workspace workspace, CorpusSpec spec, String model, OutputOptions output) {
        return of(workspace, spec, spec.read(), model, output);
    }

    /** @param read the file's rows, read already (a command that looked at them first) */
    static EmbeddedCorpus of(Workspace workspace, CorpusSpec spec, Corpus read, String model, OutputOptions output) {
        ProgressBar bar = output.progress("embedding");
        EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, spec, read, model, bar, CancellationToken.none());
        bar.finish();
        SkippedRows.warn(output, corpus.corpus());
        CorpusWarnings.print(output, workspace, corpus);
        return corpus;
    }
}
