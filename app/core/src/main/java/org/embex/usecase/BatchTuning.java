package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.embex.BadInputException;
import org.embex.embed.BatchSweep;
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
        List<String> all = corpus.corpus().texts();
        List<String> sample = new ArrayList<>();
        new SplittableRandom(seed).ints(0, all.size()).distinct().limit(Math.min(texts, all.size())).forEach(row -> sample.add(all.get(row)));
        return BatchSweep.run(model, sample, BatchSweep.Plan.defaults(), listener, cancel);
    }
}
