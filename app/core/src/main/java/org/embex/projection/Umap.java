package org.embex.projection;

import java.util.List;
import java.util.SplittableRandom;

import org.embex.progress.ProgressListener;
import org.embex.vectors.KnnGraph;
import org.embex.vectors.NnDescent;
import org.embex.vectors.VectorMatrix;

/**
 * UMAP (McInnes, Healy and Melville 2018), following umap-learn: the fuzzy graph of the
 * NN-descent neighbour graph, a PCA start scaled to ±10, and stochastic gradient descent that
 * pulls each edge together as often as its weight says and pushes {@code negativeRate} random
 * points away, with a learning rate falling linearly to zero. Every point is kept: components of
 * the graph that are not connected still get a place from their start and their own edges.
 */
public final class Umap {

    private static final double INITIAL_ALPHA = 1.0;
    private static final double CLIP = 4.0;
    private static final float START_SCALE = 10f;

    private Umap() {
    }

    public static Layout layout(List<float[]> vectors, UmapParams params, ProgressListener listener) {
        if (vectors.size() <= params.neighbors()) {
            return PrincipalComponents.project(vectors, params.seed());
        }
        return layout(vectors, neighbourGraph(VectorMatrix.of(vectors, vectors.get(0).length), params), params,
                LayoutWatch.of(listener));
    }

    /** The neighbour graph UMAP works on: each point's {@code neighbors − 1} nearest others. */
    public static KnnGraph neighbourGraph(VectorMatrix data, UmapParams params) {
        return NnDescent.build(data, params.neighbors() - 1, params.metric(), params.seed(), ProgressListener.NONE);
    }

    /** The layout from a neighbour graph built by {@link #neighbourGraph}. */
    public static Layout layout(List<float[]> vectors, KnnGraph knn, UmapParams params, LayoutWatch watch) {
        int n = vectors.size();
        FuzzyGraph graph = FuzzyGraph.of(knn, params.neighbors());
        Layout start = PrincipalComponents.project(vectors, params.seed());
        float[] coordinates = scaled(start);
        int epochs = params.epochsFor(n);
        optimise(coordinates, graph, UmapCurve.fit(params.minDist(), params.spread()), epochs, params, watch);
        return toLayout(coordinates);
    }

    private static Layout toLayout(float[] coordinates) {
        int n = coordinates.length / 2;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = coordinates[2 * i];
            y[i] = coordinates[2 * i + 1];
        }
        return new Layout(x, y);
    }

    /** PCA coordinates scaled so the largest magnitude is 10, umap-learn's starting range. */
    private static float[] scaled(Layout start) {
        float largest = 0;
        for (int i = 0; i < start.points(); i++) {
            largest = Math.max(largest, Math.max(Math.abs(start.x()[i]), Math.abs(start.y()[i])));
        }
        float scale = largest == 0 ? 1 : START_SCALE / largest;
        float[] coordinates = new float[2 * start.points()];
        for (int i = 0; i < start.points(); i++) {
            coordinates[2 * i] = start.x()[i] * scale;
            coordinates[2 * i + 1] = start.y()[i] * scale;
        }
        return coordinates;
    }

    private static void optimise(float[] y, FuzzyGraph graph, UmapCurve curve, int epochs, UmapParams params,
                                 LayoutWatch watch) {
        int n = y.length / 2;
        float[] weights = graph.weights();
        float maxWeight = 0;
        for (float w : weights) {
            maxWeight = Math.max(maxWeight, w);
        }
        // Edges too weak to be sampled once in all epochs are dropped, as umap-learn does.
        double[] epochsPerSample = new double[weights.length];
        for (int e = 0; e < weights.length; e++) {
            double samples = epochs * (weights[e] / maxWeight);
            epochsPerSample[e] = samples >= 1 ? epochs / samples : -1;
        }
        double[] nextSample = epochsPerSample.clone();
        double[] epochsPerNegative = new double[weights.length];
        double[] nextNegative = new double[weights.length];
        for (int e = 0; e < weights.length; e++) {
            epochsPerNegative[e] = epochsPerSample[e] / params.negativeRate();
            nextNegative[e] = epochsPerNegative[e];
        }
        double a = curve.a();
        double b = curve.b();
        SplittableRandom random = new SplittableRandom(params.seed());
        int[] heads = graph.heads();
        int[] tails = graph.tails();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = INITIAL_ALPHA * (1 - (double) epoch / epochs);
            for (int e = 0; e < weights.length; e++) {
                if (epochsPerSample[e] < 0 || nextSample[e] > epoch) {
                    continue;
                }
                int j = heads[e];
                int k = tails[e];
                attract(y, j, k, a, b, alpha);
                nextSample[e] += epochsPerSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / epochsPerNegative[e]);
                for (int p = 0; p < negatives; p++) {
                    int other = random.nextInt(n);
                    if (other != j) {
                        repel(y, j, other, a, b, alpha);
                    }
                }
                nextNegative[e] += negatives * epochsPerNegative[e];
            }
            watch.step(epoch + 1, epochs, () -> toLayout(y));
        }
    }

    private static void attract(float[] y, int j, int k, double a, double b, double alpha) {
        double dx = y[2 * j] - y[2 * k];
        double dy = y[2 * j + 1] - y[2 * k + 1];
        double d2 = dx * dx + dy * dy;
        if (d2 <= 0) {
            return;
        }
        // One power serves both terms: d^(2(b−1)) = d^(2b) / d².
        double power = Math.pow(d2, b);
        double coefficient = -2 * a * b * (power / d2) / (1 + a * power);
        double gx = clip(coefficient * dx) * alpha;
        double gy = clip(coefficient * dy) * alpha;
        y[2 * j] += (float) gx;
        y[2 * j + 1] += (float) gy;
        y[2 * k] -= (float) gx;
        y[2 * k + 1] -= (float) gy;
    }

    private static void repel(float[] y, int j, int k, double a, double b, double alpha) {
        double dx = y[2 * j] - y[2 * k];
        double dy = y[2 * j + 1] - y[2 * k + 1];
        double d2 = dx * dx + dy * dy;
        double gx;
        double gy;
        if (d2 > 0) {
            double coefficient = 2 * b / ((0.001 + d2) * (1 + a * Math.pow(d2, b)));
            gx = clip(coefficient * dx);
            gy = clip(coefficient * dy);
        } else {
            gx = CLIP;
            gy = CLIP;
        }
        y[2 * j] += (float) (gx * alpha);
        y[2 * j + 1] += (float) (gy * alpha);
    }

    private static double clip(double value) {
        return Math.max(-CLIP, Math.min(CLIP, value));
    }
}
