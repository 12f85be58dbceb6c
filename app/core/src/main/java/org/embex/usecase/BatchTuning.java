package org.embex.usecase;

import java.util.Optional;

import org.embex.BadInputException;
import org.embex.embed.BatchSweep;
import org.embex.embed.EmbedderOptions;
import org.embex.model.ModelFolder;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * How fast a model embeds on this machine and on texts of the user's corpus, at each batch size and
 * split of the cores ({@code tune batch}): texts drawn at random from the corpus, so their lengths
 * are its own, embedded by the model alone (not through the cache). A minute or so: a job.
 */
public final class BatchTuning {

    private BatchTuning() {
    }

    public static BatchSweep sweep(Workspace workspace, EmbeddedCorpus corpus, int texts, long seed, ProgressListener listener,
                                   CancellationToken cancel) {
        ModelFolder model = workspace.installed(corpus.modelRef());
        if (model.descriptor().remote()) {
            throw new BadInputException(corpus.model() + " runs at an endpoint: tune batch measures a model on this machine");
        }
        return BatchSweep.run(model, TextSample.of(corpus.corpus().texts(), texts, seed), BatchSweep.Plan.defaults(), listener, cancel);
    }

    /**
     * Keeps the sweep's fastest setting for the model's later embeddings.
     *
     * @throws BadInputException for a quantized model, which runs a text at a time (decision 0003)
     */
    public static EmbedderOptions keepFastest(Workspace workspace, BatchSweep sweep) {
        if (sweep.quantized()) {
            throw new BadInputException(sweep.model() + " is quantized: it runs one text at a time (decision 0003), nothing to keep");
        }
        EmbedderOptions fastest = sweep.best().options();
        KeptEmbedders.keep(workspace, workspace.installed(sweep.model()), Optional.of(fastest));
        return fastest;
    }
}
