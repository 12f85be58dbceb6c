package org.embex.usecase;

import org.embex.neighbours.IndexSweep;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/**
 * The search index's trade-offs measured on the user's own corpus ({@code tune index}): embex's
 * graph index and Lucene's HNSW at each setting of the plan, recall@k against query time, build
 * time and memory, exact search as the reference. Minutes for 100,000 rows: a job.
 */
public final class IndexTuning {

    private IndexTuning() {
    }

    public static IndexSweep sweep(EmbeddedCorpus corpus, Metric metric, IndexSweep.Plan plan, ProgressListener listener,
                                   CancellationToken cancel) {
        return IndexSweep.run(corpus.search().matrix(), metric, plan, listener, cancel);
    }
}
