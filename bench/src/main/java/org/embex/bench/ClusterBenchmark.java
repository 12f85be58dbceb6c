package org.embex.bench;

import java.nio.file.Path;
import java.util.List;

import smile.clustering.KMeans;
import smile.math.MathEx;

import org.embex.Seed;
import org.embex.cluster.ClusterMethod;
import org.embex.cluster.ClusterParams;
import org.embex.cluster.Clusterer;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;
import org.embex.vectors.DoubleRows;
import org.embex.vectors.VectorMatrix;

/**
 * k-means as the explorer's cluster colouring runs it, beside Smile's k-means (which embex used
 * before) on the same real embeddings with the same k: seconds, and the within-cluster sum of
 * squares of each result, so that a faster run is seen not to be a worse one. Smile is skipped
 * above {@code --smile-up-to} rows: at 100,000 it takes minutes.
 */
final class ClusterBenchmark {

    private static final int ITERATIONS = 100;

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("embex.root", ".")).toAbsolutePath().normalize();
        List<Integer> sizes = List.of(20_000, 100_000);
        int k = 30;
        int smileUpTo = 50_000;
        String modelId = "all-minilm-l6-v2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--texts" -> sizes = BenchArgs.sizes(args[++i]);
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "--smile-up-to" -> smileUpTo = Integer.parseInt(args[++i]);
                case "--model" -> modelId = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled(modelId);
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<float[]> all = ShortTextVectors.of(root, model, largest, "projection");
        System.out.printf("k-means: %s vectors of short texts, k = %d, at most %d iterations, %d cores%n", modelId, k, ITERATIONS,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%8s  %9s %12s  %9s %12s  %6s%n", "texts", "embex s", "embex WCSS", "Smile s", "Smile WCSS", "ratio");
        ClusterParams params = ClusterParams.defaults(ClusterMethod.KMEANS).withK(k).withSeed(Seed.DEFAULT);
        // One small run of each warms the JIT.
        VectorMatrix warm = VectorMatrix.of(all.subList(0, Math.min(2000, all.size())), all.get(0).length);
        Clusterer.cluster(warm, params);
        smile(warm, k);
        for (int n : sizes) {
            VectorMatrix data = VectorMatrix.of(all.subList(0, Math.min(n, all.size())), all.get(0).length);
            long started = System.nanoTime();
            int[] ours = Clusterer.cluster(data, params);
            double oursSeconds = seconds(started);
            String smileSeconds = "skipped";
            String smileWcss = "";
            String ratio = "";
            if (data.rows() <= smileUpTo) {
                started = System.nanoTime();
                int[] theirs = smile(data, k);
                double seconds = seconds(started);
                smileSeconds = String.format("%.1f", seconds);
                smileWcss = String.format("%.1f", withinClusterSquares(data, theirs, k));
                ratio = String.format("%.1f×", seconds / oursSeconds);
            }
            System.out.printf("%8d  %9.1f %12.1f  %9s %12s  %6s%n", data.rows(), oursSeconds, withinClusterSquares(data, ours, k),
                    smileSeconds, smileWcss, ratio);
            System.out.flush();
        }
    }

    private static int[] smile(VectorMatrix data, int k) {
        MathEx.setSeed(Seed.DEFAULT);
        return KMeans.fit(DoubleRows.of(data), k, ITERATIONS, 1e-4).y;
    }

    /** The sum over rows of the squared distance to the mean of the row's cluster. */
    private static double withinClusterSquares(VectorMatrix data, int[] labels, int k) {
        int dims = data.dims();
        double[][] sums = new double[k][dims];
        int[] counts = new int[k];
        for (int row = 0; row < data.rows(); row++) {
            float[] vector = data.row(row);
            counts[labels[row]]++;
            for (int j = 0; j < dims; j++) {
                sums[labels[row]][j] += vector[j];
            }
        }
        double total = 0;
        for (int row = 0; row < data.rows(); row++) {
            float[] vector = data.row(row);
            int c = labels[row];
            for (int j = 0; j < dims; j++) {
                double d = vector[j] - sums[c][j] / counts[c];
                total += d * d;
            }
        }
        return total;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
