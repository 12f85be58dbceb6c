package org.embex.neighbours;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;
import org.embex.vectors.Neighbour;

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
    /** The setting the user kept for this corpus ({@code tune index --keep}), or none: the size decides. */
    private volatile Optional<SearchSetting> kept = Optional.empty();

    public NeighbourSearch(VectorMatrix matrix, int exactUpTo, long seed) {
        this.matrix = matrix;
        this.exactUpTo = exactUpTo;
        this.seed = seed;
    }

    public VectorMatrix matrix() {
        return matrix;
    }

    /** The same search over other rows: exact up to the same size, graphs from the same seed. */
    public NeighbourSearch over(VectorMatrix rows) {
        NeighbourSearch other = new NeighbourSearch(rows, exactUpTo, seed);
        other.use(kept);
        return other;
    }

    /** The seed of the graphs this search builds: the same rows and seed give the same graph. */
    public long seed() {
        return seed;
    }

    /**
     * What an index is built for: the setting in force when the build began, and the degree and
     * trees it gives. An index whose setting was replaced while it was built is not installed, and
     * the cache keys its graph by the degree it was built with, not by the one in force at its end.
     */
    public record IndexPlan(Optional<SearchSetting> setting, int degree, int trees) {
    }

    /** The plan of an index built now. */
    public IndexPlan plan() {
        Optional<SearchSetting> now = kept;
        Optional<SearchSetting> graph = now.filter(setting -> !setting.exact());
        return new IndexPlan(now, graph.map(SearchSetting::degree).orElse(GraphIndex.DEGREE),
                graph.map(SearchSetting::trees).orElse(GraphIndex.TREES));
    }

    /**
     * Searches as the user chose for this corpus, or by its size when {@code setting} is empty; an
     * index built with other parameters is dropped, to be built again with these.
     */
    public synchronized void use(Optional<SearchSetting> setting) {
        if (!setting.equals(kept)) {
            kept = setting;
            indexes.clear();
        }
    }

    /** Installs an index built for {@code plan}, unless the setting changed while it was built. */
    private synchronized boolean install(Metric metric, IndexPlan plan, GraphIndex index) {
        if (!plan.setting().equals(kept)) {
            return false;
        }
        indexes.put(metric, index);
        return true;
    }

    /** The setting kept for this corpus, if any. */
    public Optional<SearchSetting> kept() {
        return kept;
    }

    /** Whether searches go through a graph index: as kept, else when the rows are too many for exact search to be the answer. */
    public boolean wantsIndex() {
        return kept.map(setting -> !setting.exact()).orElse(matrix.rows() > exactUpTo);
    }

    /** The neighbours a row keeps in the graph this search builds: the kept degree, else the index's default. */
    public int degree() {
        return plan().degree();
    }

    /** Whether queries by {@code metric} go through a graph index. */
    public boolean indexed(Metric metric) {
        return wantsIndex() && indexes.containsKey(metric);
    }

    /**
     * Builds the graph index for {@code metric} and returns its neighbour lists, for a cache to
     * keep: long work (minutes for a million rows), to run off any thread that must answer. The
     * listener may stop it by throwing.
     */
    public int[][] index(Metric metric, ProgressListener listener) {
        return index(metric, plan(), listener);
    }

    /** {@link #index(Metric, ProgressListener)} for {@code plan}, taken before the build began. */
    public int[][] index(Metric metric, IndexPlan plan, ProgressListener listener) {
        KnnGraph graph = NnDescent.build(matrix, Math.min(plan.degree(), matrix.rows() - 1), metric, seed, listener);
        install(metric, plan, GraphIndex.of(matrix, metric, graph.neighbours(), seed, plan.trees()));
        return graph.neighbours();
    }

    /**
     * Indexes neighbour lists built before by {@link #index(Metric, ProgressListener)} for the same
     * rows; false, and nothing changed, when they do not fit these rows.
     */
    public boolean index(Metric metric, int[][] neighbours) {
        return index(metric, plan(), neighbours);
    }

    /** {@link #index(Metric, int[][])} for {@code plan}: the lists were built with its degree. */
    public boolean index(Metric metric, IndexPlan plan, int[][] neighbours) {
        try {
            install(metric, plan, GraphIndex.of(matrix, metric, neighbours, seed, plan.trees()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The graph index for {@code metric}, once {@link #index} built it or read it back, whatever the corpus's size. */
    public Optional<GraphIndex> graphIndex(Metric metric) {
        return Optional.ofNullable(indexes.get(metric));
    }

    /** The {@code k} rows nearest to {@code query}, best first. */
    public List<Neighbour> nearest(float[] query, int k, Metric metric) {
        GraphIndex index = wantsIndex() ? indexes.get(metric) : null;
        if (index == null) {
            return matrix.topK(query, k, metric);
        }
        return index.search(query, k, Math.max(k, kept.filter(setting -> !setting.exact()).map(SearchSetting::ef).orElse(GraphIndex.DEFAULT_EF)));
    }
}
