package org.embex.neighbours;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * Recall against query time for each setting of embex's graph index and of Lucene's HNSW on the same
 * rows, with what each costs to build and to hold: the trade an index makes, read off one table.
 * Queries are rows of the corpus itself, each searched for its {@code k} nearest other rows (it is
 * left out of its own answer, as a new text would not find itself); exact search gives the truth.
 * Times are per query, on one thread, the median after a warm-up pass; the settings on the Pareto
 * front are those no other beats on recall and time at once.
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
     * with; Lucene's links per node (M), its build beam, and the candidates kept while searching.
     */
    public record Plan(List<Integer> degrees, List<Integer> trees, List<Integer> efs, List<Integer> maxConns, int beamWidth,
                       int queries, int k, long seed) {

        /** Around embex's defaults (degree 14, 8 trees, ef 64) and Lucene's (M 16, beam 100). */
        public static Plan defaults(long seed) {
            return new Plan(List.of(8, 14, 24), List.of(2, 4, 8), List.of(16, 32, 64, 128, 256), List.of(8, 16, 32), 100, 1000, 10,
                    seed);
        }

        int steps() {
            return 1 + degrees.size() * trees.size() + maxConns.size();
        }
    }

    public IndexSweep {
        settings = List.copyOf(settings);
    }

    /** Sweeps {@code plan} over {@code data}; the listener counts indexes built and measured. */
    public static IndexSweep run(VectorMatrix data, Metric metric, Plan plan, ProgressListener listener, CancellationToken cancel) {
        int n = data.rows();
        if (n < plan.k() + 2) {
            throw new IllegalArgumentException("an index sweep needs more than " + (plan.k() + 1) + " rows, got " + n);
        }
        int[] queryRows = new SplittableRandom(plan.seed()).ints(0, n).distinct().limit(Math.min(plan.queries(), n)).toArray();
        float[][] queries = new float[queryRows.length][];
        for (int q = 0; q < queryRows.length; q++) {
            queries[q] = data.row(queryRows[q]);
        }
        List<Setting> found = new ArrayList<>();
        int step = 0;
        // The truth, and exact search's own point: recall 1 at the cost of scoring every row.
        int[][] truth = new int[queryRows.length][];
        double exactMillis = timed(queryRows.length, q -> truth[q] = others(data.topK(queries[q], plan.k() + 1, metric).stream()
                .mapToInt(Neighbour::index).toArray(), queryRows[q], plan.k()));
        found.add(new Setting(EXACT, Map.of(), 1, exactMillis, 0, 0, false));
        listener.progress(++step, plan.steps());
        for (int degree : plan.degrees()) {
            cancel.check();
            long started = System.nanoTime();
            KnnGraph graph = NnDescent.build(data, Math.min(degree, n - 1), metric, plan.seed(), ProgressListener.NONE);
            double graphSeconds = (System.nanoTime() - started) / 1e9;
            for (int treeCount : plan.trees()) {
                cancel.check();
                long built = System.nanoTime();
                GraphIndex index = GraphIndex.of(data, metric, graph.neighbours(), plan.seed(), treeCount);
                double seconds = graphSeconds + (System.nanoTime() - built) / 1e9;
                for (int ef : plan.efs()) {
                    int kept = Math.max(ef, plan.k() + 1);
                    int[][] answers = new int[queryRows.length][];
                    double millis = timed(queryRows.length, q -> answers[q] = others(index.search(queries[q], plan.k() + 1, kept).stream()
                            .mapToInt(Neighbour::index).toArray(), queryRows[q], plan.k()));
                    Map<String, Integer> parameters = new LinkedHashMap<>();
                    parameters.put("degree", degree);
                    parameters.put("trees", treeCount);
                    parameters.put("ef", ef);
                    found.add(new Setting(GRAPH, parameters, recall(answers, truth, plan.k()), millis, seconds,
                            (double) index.bytes() / n, false));
                }
                listener.progress(++step, plan.steps());
            }
        }
        for (int maxConn : plan.maxConns()) {
            cancel.check();
            long started = System.nanoTime();
            try (LuceneHnsw index = LuceneHnsw.build(data, metric, maxConn, plan.beamWidth())) {
                double seconds = (System.nanoTime() - started) / 1e9;
                for (int ef : plan.efs()) {
                    int kept = Math.max(ef, plan.k() + 1);
                    int[][] answers = new int[queryRows.length][];
                    double millis = timed(queryRows.length, q -> answers[q] = others(index.search(queries[q], plan.k() + 1, kept),
                            queryRows[q], plan.k()));
                    Map<String, Integer> parameters = new LinkedHashMap<>();
                    parameters.put("M", maxConn);
                    parameters.put("beam", plan.beamWidth());
                    parameters.put("ef", ef);
                    found.add(new Setting(HNSW, parameters, recall(answers, truth, plan.k()), millis, seconds, (double) index.bytes() / n,
                            false));
                }
            }
            listener.progress(++step, plan.steps());
        }
        return new IndexSweep(front(found), queryRows.length, plan.k(), metric);
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

    /** One query's work, by its number. */
    private interface Query {
        void run(int q);
    }

    /** The median milliseconds of a query: every query run once to warm up, then once timed. */
    private static double timed(int queries, Query query) {
        for (int q = 0; q < queries; q++) {
            query.run(q);
        }
        long[] nanos = new long[queries];
        for (int q = 0; q < queries; q++) {
            long started = System.nanoTime();
            query.run(q);
            nanos[q] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos[queries / 2] / 1e6;
    }

    /** The first {@code k} of {@code rows} that are not the query's own row. */
    private static int[] others(int[] rows, int self, int k) {
        return Arrays.stream(rows).filter(row -> row != self).limit(k).toArray();
    }

    private static double recall(int[][] answers, int[][] truth, int k) {
        long hits = 0;
        for (int q = 0; q < truth.length; q++) {
            Set<Integer> wanted = new HashSet<>();
            for (int row : truth[q]) {
                wanted.add(row);
            }
            for (int row : answers[q]) {
                if (wanted.contains(row)) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) truth.length * k);
    }
}
