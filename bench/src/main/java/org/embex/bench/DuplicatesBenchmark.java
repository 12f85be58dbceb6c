package org.embex.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.embex.Seed;
import org.embex.duplicates.DuplicateGroups;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;
import org.embex.neighbours.GraphIndex;
import org.embex.neighbours.PairsAbove;
import org.embex.neighbours.SimilarPairs;
import org.embex.progress.ProgressListener;
import org.embex.usecase.NearDuplicates;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * Near-duplicate pairs found through the graph index against every pair scored, on real
 * embeddings of short texts that come in families of near-duplicates (a sentence and its ordinary
 * endings): time of each path, the pairs the graph path misses, and the largest group beside the
 * largest connected component (what grouping by chains would have made).
 */
final class DuplicatesBenchmark {

    /** The limit the use case sets, so that the benchmark measures what a user gets. */
    private static final long LIMIT = NearDuplicates.MAX_PAIRS;

    private DuplicatesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("embex.root", ".")).toAbsolutePath().normalize();
        List<Integer> sizes = List.of(20_000, 100_000);
        List<Double> thresholds = List.of(0.9);
        String modelId = "all-minilm-l6-v2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--texts" -> sizes = BenchArgs.sizes(args[++i]);
                case "--threshold" -> thresholds = doubles(args[++i]);
                case "--model" -> modelId = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled(modelId);
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<float[]> all = ShortTextVectors.of(root, model, largest, "projection");
        System.out.printf("near-duplicates: %s vectors of short texts in families of near-duplicates; cosine; 2 cores%n", modelId);
        System.out.printf("%8s %6s  %9s %9s %9s %6s  %9s %9s %7s  %7s %7s %9s %9s%n", "texts", "T", "exact s", "graph s", "(build)",
                "ratio", "pairs", "missed", "missed%", "groups", "graph's", "largest", "component");
        // One small run of each path warms the JIT.
        VectorMatrix warm = VectorMatrix.of(all.subList(0, Math.min(3000, all.size())), all.get(0).length);
        PairsAbove.exact(warm, 0.9, LIMIT, ProgressListener.NONE);
        PairsAbove.viaGraph(warm, GraphIndex.build(warm, Metric.COSINE, Seed.DEFAULT, ProgressListener.NONE), 0.9, LIMIT,
                ProgressListener.NONE);
        for (int n : sizes) {
            VectorMatrix data = VectorMatrix.of(all.subList(0, Math.min(n, all.size())), all.get(0).length);
            long started = System.nanoTime();
            GraphIndex index = GraphIndex.build(data, Metric.COSINE, Seed.DEFAULT, ProgressListener.NONE);
            double build = seconds(started);
            for (double threshold : thresholds) {
                started = System.nanoTime();
                SimilarPairs exact = PairsAbove.exact(data, threshold, LIMIT, ProgressListener.NONE);
                double exactSeconds = seconds(started);
                started = System.nanoTime();
                SimilarPairs graph = PairsAbove.viaGraph(data, index, threshold, LIMIT, ProgressListener.NONE);
                double graphSeconds = build + seconds(started);
                int missed = 0;
                for (int p = 0; p < exact.size(); p++) {
                    missed += graph.contains(exact.first()[p], exact.second()[p]) ? 0 : 1;
                }
                DuplicateGroups.Grouping exactGroups = DuplicateGroups.of(exact, data.rows());
                int graphGroups = DuplicateGroups.of(graph, data.rows()).groups().size();
                System.out.printf("%8d %6.2f  %9.1f %9.1f %9.1f %6.2f  %9d %9d %6.3f%%  %7d %7d %9d %9d%n", data.rows(), threshold,
                        exactSeconds, graphSeconds, build, graphSeconds / exactSeconds, exact.size(), missed,
                        100.0 * missed / Math.max(1, exact.size()), exactGroups.groups().size(), graphGroups,
                        exactGroups.groups().isEmpty() ? 0 : exactGroups.groups().get(0).size(), largestComponent(exact, data.rows()));
                System.out.flush();
            }
        }
    }

    /** The largest connected component of two rows or more (the group chains would make, beside the largest star), 0 for none. */
    private static int largestComponent(SimilarPairs pairs, int rows) {
        int[] parent = new int[rows];
        for (int i = 0; i < rows; i++) {
            parent[i] = i;
        }
        for (int p = 0; p < pairs.size(); p++) {
            parent[root(parent, pairs.first()[p])] = root(parent, pairs.second()[p]);
        }
        int[] sizes = new int[rows];
        int largest = 0;
        for (int i = 0; i < rows; i++) {
            largest = Math.max(largest, ++sizes[root(parent, i)]);
        }
        return largest > 1 ? largest : 0;
    }

    private static int root(int[] parent, int row) {
        while (parent[row] != row) {
            parent[row] = parent[parent[row]];
            row = parent[row];
        }
        return row;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<Double> doubles(String list) {
        List<Double> values = new ArrayList<>();
        for (String value : list.split(",")) {
            values.add(Double.parseDouble(value.strip()));
        }
        return values;
    }
}
