package org.embex.bench;

import java.util.SplittableRandom;

import org.embex.Seed;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.Trustworthiness;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;
import org.embex.neighbours.KnnGraph;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * UMAP of a million points inside the heap the launcher gives it ({@code bench/run million} starts
 * the JVM with {@code -Xmx4g}): time and peak heap. There are no million real embeddings here
 * (embedding them would take about 40 minutes), so the vectors are synthetic: unit vectors of 384
 * dimensions drawn from a seeded mixture of 200 Gaussian clusters, built straight into one
 * row-major {@code float[]}. Usage: {@code bench/run million [--points N] [--clusters C] [--epochs E]}
 * (epochs: UMAP's own choice unless given; memory does not depend on them).
 */
public final class MillionPointBenchmark {

    private static final int DIMS = 384;
    private static final long SEED = Seed.DEFAULT;
    /** Spread of a point around its centre, per dimension, against the centres' unit scale. */
    private static final double NOISE = 0.6 / Math.sqrt(DIMS);
    private static final double GIB = 1L << 30;

    private MillionPointBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int points = 1_000_000;
        int clusters = 200;
        int epochs = 0;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--points" -> points = Integer.parseInt(args[++i]);
                case "--clusters" -> clusters = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        HeapWatch heap = HeapWatch.start();
        VectorMatrix data = VectorMatrix.wrap(mixture(points, clusters), DIMS);
        UmapParams params = UmapParams.defaults().withSeed(SEED).withEpochs(epochs);
        Progress.say("neighbour graph of " + points + " synthetic vectors");
        long started = System.nanoTime();
        KnnGraph knn = Umap.neighbourGraph(data, params, new Elapsed(started, "graph round %d of at most %d", 1));
        double graphSeconds = (System.nanoTime() - started) / 1e9;
        Progress.say("graph in " + Math.round(graphSeconds) + " s; layout");
        Layout layout = Umap.layout(data, knn, params, LayoutWatch.of(new Elapsed(started, "epoch %d of %d", 20)));
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.stop();
        System.out.printf("umap of %,d synthetic unit vectors (%d dims, a seeded mixture of %d Gaussian clusters, "
                + "not real embeddings), %d epochs; heap limit %.1f GiB; 2 cores%n", points, DIMS, clusters,
                params.epochsFor(points), Runtime.getRuntime().maxMemory() / GIB);
        System.out.printf("graph %.1f s, total %.1f s, peak heap used %.2f GiB (largest sample every %d ms), "
                + "sum of heap pool peaks %.2f GiB%n", graphSeconds, seconds, heap.peak() / GIB, HeapWatch.SAMPLE_MILLIS,
                HeapWatch.poolPeaks() / GIB);
        System.out.flush();
        System.out.printf("trustworthiness %.4f%n", Trustworthiness.of(data, layout, 15, Metric.COSINE, 5000, SEED));
        // The graph's recall against exact search, on every 5,000th row (200 rows at a million).
        System.out.printf("neighbour graph recall %.4f%n", knn.recall(data, Math.max(1, points / 200)));
    }

    /** Unit vectors around {@code clusters} random unit centres, row after row in one array. */
    private static float[] mixture(int points, int clusters) {
        SplittableRandom random = new SplittableRandom(SEED);
        float[][] centres = new float[clusters][DIMS];
        for (float[] centre : centres) {
            for (int j = 0; j < DIMS; j++) {
                centre[j] = (float) random.nextGaussian();
            }
            normalise(centre, 0);
        }
        float[] values = new float[Math.multiplyExact(points, DIMS)];
        for (int i = 0; i < points; i++) {
            float[] centre = centres[random.nextInt(clusters)];
            for (int j = 0; j < DIMS; j++) {
                values[i * DIMS + j] = centre[j] + (float) (random.nextGaussian() * NOISE);
            }
            normalise(values, i * DIMS);
        }
        return values;
    }

    private static void normalise(float[] values, int from) {
        double sum = 0;
        for (int j = from; j < from + DIMS; j++) {
            sum += (double) values[j] * values[j];
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int j = from; j < from + DIMS; j++) {
            values[j] *= scale;
        }
    }

    /**
     * Says on stderr, with the seconds since {@code started}, when the first and every
     * {@code every}-th step ends (graph rounds, epochs), so a long run shows where its time goes.
     */
    private record Elapsed(long started, String step, int every) implements ProgressListener {
        @Override
        public void progress(long done, long total) {
            if (done == 1 || done % every == 0) {
                Progress.say(String.format(step + " ends at %.1f s", done, total, (System.nanoTime() - started) / 1e9));
            }
        }
    }
}
