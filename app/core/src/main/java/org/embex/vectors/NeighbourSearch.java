package org.embex.vectors;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.embex.progress.ProgressListener;

/**
 * The nearest rows of a query, the way the corpus's size calls for: exact search while the rows
 * are few enough to score them all, and above that the {@link GraphIndex} for the metric once it
 * is built (decision record 0008). Until then, and for a metric without an index, the answer is
 * exact: slower for a very large corpus, but never missing a neighbour. The search command and the
 * desktop both ask here.
 */
public final class NeighbourSearch {

    /** Exact search of 200,000 × 384 takes about 30 ms a query on this project's machines; above that the index. */
    public static final int DEFAULT_EXACT_UP_TO = 200_000;

    private final VectorMatrix matrix;
    private final int exactUpTo;
    private final long seed;
    private final Map<Metric, GraphIndex> indexes = new ConcurrentHashMap<>();

    public NeighbourSearch(VectorMatrix matrix, int exactUpTo, long seed) {
        this.matrix = matrix;
        this.exactUpTo = exactUpTo;
        this.seed = seed;
    }

    public VectorMatrix matrix() {
        return matrix;
    }

    /** Whether the rows are too many for exact search to be the answer. */
    public boolean wantsIndex() {
        return matrix.rows() > exactUpTo;
    }

    /** Whether queries by {@code metric} go through a graph index. */
    public boolean indexed(Metric metric) {
        return wantsIndex() && indexes.containsKey(metric);
    }

    /**
     * Builds the graph index for {@code metric}, if the size wants one and it is not built yet: long
     * work (minutes for a million rows), to run off any thread that must answer. The listener may
     * stop it by throwing.
     */
    public void index(Metric metric, ProgressListener listener) {
        if (wantsIndex() && !indexes.containsKey(metric)) {
            indexes.put(metric, GraphIndex.build(matrix, metric, seed, listener));
        }
    }

    /** The {@code k} rows nearest to {@code query}, best first. */
    public List<Neighbour> nearest(float[] query, int k, Metric metric) {
        GraphIndex index = wantsIndex() ? indexes.get(metric) : null;
        return index != null ? index.search(query, k) : matrix.topK(query, k, metric);
    }
}
