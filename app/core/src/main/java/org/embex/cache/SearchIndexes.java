package org.embex.cache;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.neighbours.NeighbourSearch;

/**
 * Gives a large corpus's {@link NeighbourSearch} its graph index through the cache: the
 * neighbour lists are read back when this corpus, column choice and model were indexed before,
 * and built and kept otherwise, so only the first search of a big file waits for the graph.
 */
public final class SearchIndexes {

    private SearchIndexes() {
    }

    /**
     * Indexes {@code search} for {@code metric}; returns true when the graph came from the cache.
     * A stored graph that does not fit the rows (a corrupted entry) is built again and replaced.
     */
    public static boolean index(VectorCache cache, String corpusSha256, String columns, String modelFingerprint,
                                NeighbourSearch search, Metric metric, ProgressListener listener) {
        // One plan for the key and the build: a setting kept meanwhile cannot file a graph under another degree.
        NeighbourSearch.IndexPlan plan = search.plan();
        GraphKey key = new GraphKey(corpusSha256, columns, modelFingerprint, metric, plan.degree(), search.seed());
        var stored = cache.graph(key);
        if (stored.isPresent() && search.index(metric, plan, stored.get())) {
            return true;
        }
        cache.storeGraph(key, search.index(metric, plan, listener));
        return false;
    }
}
