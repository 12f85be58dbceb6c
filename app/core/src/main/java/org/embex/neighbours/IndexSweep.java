package org.embex.neighbours;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * Recall against query time for each setting of embex's graph index and of Lucene's HNSW on the same
 * rows, with what each costs to build and to hold: the trade an index makes, read off one table.
 * The queries are rows of the corpus held out of the indexes, as a typed query is not in them; exact
 * search gives the truth, and an answer's row counts when it scores at least the k-th true score.
 * Times are per query, on one thread, the median after a warm-up pass; the settings on the Pareto
 * front are those no other setting beats on recall and time at once.
 */
public record IndexSweep(List<Setting> settings, int queries, int k, Metric metric) {

    /** The graph index's name in a sweep. */
    public static final String GRAPH = "embex graph";
    public static final String HNSW = "Lucene HNSW";
    public static final String EXACT = "exact";

    /**
     * One index at one setting.
     *
     * @param parameters  by name, in the order the index takes them
     * @param recall      share of the true {@code k} nearest found, over all queries
     * @param millis      median time of a query
     * @param buildSeconds the index's build (graph and trees, or Lucene's graph), 0 for exact search
     * @param bytesPerPoint what the index holds beyond the vectors, per row
     */
    public record Setting(String index, Map<String, Integer> parameters, double recall, double millis, double buildSeconds,
                          double bytesPerPoint, boolean pareto) {

        /** The setting as {@code tune index --keep} takes it (embex's graph, exact search); Lucene's rows can be read, not kept. */
        public Optional<SearchSetting> keepable() {
            return switch (index) {
                case EXACT -> Optional.of(SearchSetting.EXACT);
                case GRAPH -> Optional.of(SearchSetting.graph(parameters.get("degree"), parameters.get("trees"), parameters.get("ef")));
                default -> Optional.empty();
            };
        }

        /** A short label: what {@code --keep} takes where it can be kept, else "Lucene HNSW M=16 beam=100 ef=64". */
        public String label() {
            return keepable().map(SearchSetting::toString).orElseGet(() -> {
                StringBuilder text = new StringBuilder(index);
                parameters.forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
                return text.toString();
            });
        }

        Setting onFront(boolean front) {
            return new Setting(index, parameters, recall, millis, buildSeconds, bytesPerPoint, front);
        }
    }

    /**
     * What to sweep: the graph's degree, the trees that seed a search and the beam width searched
     * with; Lucene's links per node (M) with its build beam (efConstruction), and the candidates
     * kept while searching.
     *
     * @param hnsw pairs of M and build beam
     */
    public record Plan(List<Integer> degrees, List<Integer> trees, List<Integer> efs, List<int[]> hnsw, int queries, int k, long seed) {

        /** Around embex's defaults (degree 14, 8 trees, ef 64) and Lucene's (M 16, beam 100), each of Lucene's two varied alone. */
        public static Plan defaults(long seed) {
            return new Plan(List.of(8, 14, 24), List.of(2, 4, 8), List.of(16, 32, 64, 128, 256),
                    List.of(new int[] {8, 100}, new int[] {16, 50}, new int[] {16, 100}, new int[] {16, 200}, new int[] {32, 100}), 1000, 10,
                    seed);
        }

        int steps() {
            return 1 + degrees.size() * trees.size() + hnsw.size();
        }
    }

    public IndexSweep {
        settings = List.copyOf(settings);
    }

    /**
     * Sweeps {@code plan} over {@code data}; the listener counts indexes built and measured. The
     * queries are held out: the indexes hold the other rows, so a query does not find its own list
     * of neighbours in the graph, as a typed query would not.
     */
    public static IndexSweep run(VectorMatrix data, Metric metric, Plan plan, ProgressListener listener, CancellationToken cancel) {
        int n = data.rows();
        int held = Math.min(plan.queries(), n / 10);
        if (n - held < plan.k() + 1 || held < 1) {
            throw new IllegalArgumentException("an index sweep needs at least " + Math.max(10 * (plan.k() + 1), 20) + " rows, got " + n);
        }
        int[] queryRows = new SplittableRandom(plan.seed()).ints(0, n).distinct().limit(held).toArray();
        boolean[] isQuery = new boolean[n];
        float[][] queries = new float[held][];
        for (int q = 0; q < held; q++) {
            isQuery[queryRows[q]] = true;
            queries[q] = data.row(queryRows[q]);
        }
        float[] indexed = new float[(n - held) * data.dims()];
        for (int row = 0, slot = 0; row < n; row++) {
            if (!isQuery[row]) {
                System.arraycopy(data.row(row), 0, indexed, slot++ * data.dims(), data.dims());
            }
        }
        VectorMatrix rows = VectorMatrix.wrap(indexed, data.dims());
        int m = rows.rows();
        List<Setting> found = new ArrayList<>();
        int step = 0;
        // The truth: the k-th best score of each query, which an answer's rows must reach to count
        // (not their row numbers: where texts repeat, any copy is as right as another).
        double[] kthScore = new double[held];
        double exactMillis = timed(held, cancel, q -> {
            List<Neighbour> best = rows.topK(queries[q], plan.k(), metric);
            kthScore[q] = best.get(best.size() - 1).score();
            return best.stream().mapToInt(Neighbour::index).toArray();
        }, new int[held][]);
        found.add(new Setting(EXACT, Map.of(), 1, exactMillis, 0, 0, false));
        listener.progress(++step, plan.steps());
        ProgressListener checked = (done, total) -> cancel.check();
        for (int degree : plan.degrees()) {
            cancel.check();
            long started = System.nanoTime();
            KnnGraph graph = NnDescent.build(rows, Math.min(degree, m - 1), metric, plan.seed(), checked);
            double graphSeconds = (System.nanoTime() - started) / 1e9;
            for (int treeCount : plan.trees()) {
                cancel.check();
                long built = System.nanoTime();
                GraphIndex index = GraphIndex.of(rows, metric, graph.neighbours(), plan.seed(), treeCount);
                double seconds = graphSeconds + (System.nanoTime() - built) / 1e9;
                for (int ef : plan.efs()) {
                    int kept = Math.max(ef, plan.k());
                    int[][] answers = new int[held][];
                    double millis = timed(held, cancel, q -> index.search(queries[q], plan.k(), kept).stream()
                            .mapToInt(Neighbour::index).toArray(), answers);
                    Map<String, Integer> parameters = new LinkedHashMap<>();
                    parameters.put("degree", degree);
                    parameters.put("trees", treeCount);
                    parameters.put("ef", ef);
                    found.add(new Setting(GRAPH, parameters, recall(rows, metric, queries, answers, kthScore, plan.k()), millis, seconds,
                            (double) index.bytes() / m, false));
                }
                listener.progress(++step, plan.steps());
            }
        }
        for (int[] hnsw : plan.hnsw()) {
            cancel.check();
            long started = System.nanoTime();
            try (LuceneHnsw index = LuceneHnsw.build(rows, metric, hnsw[0], hnsw[1], cancel)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                for (int ef : plan.efs()) {
                    int kept = Math.max(ef, plan.k());
                    int[][] answers = new int[held][];
                    double millis = timed(held, cancel, q -> index.search(queries[q], plan.k(), kept), answers);
                    Map<String, Integer> parameters = new LinkedHashMap<>();
                    parameters.put("M", hnsw[0]);
                    parameters.put("beam", hnsw[1]);
                    parameters.put("ef", ef);
                    found.add(new Setting(HNSW, parameters, recall(rows, metric, queries, answers, kthScore, plan.k()), millis, seconds,
                            (double) index.bytes() / m, false));
                }
            }
            listener.progress(++step, plan.steps());
        }
        return new IndexSweep(front(found), held, plan.k(), metric);
    }

    /** The settings on the Pareto front: none else finds as much or more in as little time or less, and better in one. */
    public List<Setting> front() {
        return settings.stream().filter(Setting::pareto).toList();
    }

    private static List<Setting> front(List<Setting> all) {
        List<Setting> marked = new ArrayList<>();
        for (Setting setting : all) {
            boolean dominated = all.stream().anyMatch(other -> other != setting && other.recall() >= setting.recall()
                    && other.millis() <= setting.millis() && (other.recall() > setting.recall() || other.millis() < setting.millis()));
            marked.add(setting.onFront(!dominated));
        }
        return marked;
    }

    /** One query's answer, by its number: the rows found. */
    private interface Query {
        int[] run(int q);
    }

    /** The median milliseconds of a query: every query run once to warm up, then once timed; the timed answers kept. */
    private static double timed(int queries, CancellationToken cancel, Query query, int[][] answers) {
        for (int q = 0; q < queries; q++) {
            query.run(q);
        }
        cancel.check();
        long[] nanos = new long[queries];
        for (int q = 0; q < queries; q++) {
            long started = System.nanoTime();
            answers[q] = query.run(q);
            nanos[q] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos[queries / 2] / 1e6;
    }

    /** Share of the answers' rows that score at least each query's k-th true score (within float rounding), over k a query. */
    private static double recall(VectorMatrix rows, Metric metric, float[][] queries, int[][] answers, double[] kthScore, int k) {
        long hits = 0;
        for (int q = 0; q < queries.length; q++) {
            double norm = Math.sqrt(Metric.dot(queries[q], queries[q]));
            for (int row : answers[q]) {
                if (rows.score(row, queries[q], norm, metric) >= kthScore[q] - 1e-6) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) queries.length * k);
    }
}
