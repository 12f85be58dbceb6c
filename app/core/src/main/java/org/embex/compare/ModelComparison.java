package org.embex.compare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * Two models on the same rows: for each row, the share of its {@code k} nearest neighbours that
 * both models name; the rows on which they disagree most; and each model's own metrics.
 *
 * @param overlap         per row, from 0 (no neighbour in common) to 1 (the same neighbours)
 * @param mostDisagreeing row indices, lowest overlap first (ties by row)
 */
public record ModelComparison(int k, Metric metric, double[] overlap, int[] mostDisagreeing, ModelMetrics first,
                              ModelMetrics second, Neighbourhoods firstNeighbours, Neighbourhoods secondNeighbours) {

    public static ModelComparison of(String firstModel, List<float[]> first, String secondModel, List<float[]> second,
                                     List<String> labels, int k, Metric metric, long seed, ProgressListener listener) {
        return of(firstModel, VectorMatrix.of(first, first.get(0).length), secondModel,
                VectorMatrix.of(second, second.get(0).length), labels, k, metric, seed, listener);
    }

    public static ModelComparison of(String firstModel, VectorMatrix a, String secondModel, VectorMatrix b,
                                     List<String> labels, int k, Metric metric, long seed, ProgressListener listener) {
        if (a.rows() != b.rows() || a.rows() != labels.size()) {
            throw new IllegalArgumentException("both models must embed the same rows: " + a.rows() + " and " + b.rows());
        }
        Neighbourhoods na = Neighbourhoods.of(a, k, metric, seed, ProgressListener.NONE);
        listener.progress(1, 3);
        Neighbourhoods nb = Neighbourhoods.of(b, k, metric, seed, ProgressListener.NONE);
        listener.progress(2, 3);
        double[] overlap = new double[a.rows()];
        for (int i = 0; i < overlap.length; i++) {
            overlap[i] = na.overlap(nb, i);
        }
        int[] order = IntStream.range(0, overlap.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> overlap[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        ModelMetrics ma = ModelMetrics.of(firstModel, na, a, labels, seed);
        ModelMetrics mb = ModelMetrics.of(secondModel, nb, b, labels, seed);
        listener.progress(3, 3);
        return new ModelComparison(k, metric, overlap, order, ma, mb, na, nb);
    }

    public double meanOverlap() {
        return Arrays.stream(overlap).average().orElse(Double.NaN);
    }

    /** The median, the mean of the two middle values for an even count. */
    public double medianOverlap() {
        double[] sorted = overlap.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
