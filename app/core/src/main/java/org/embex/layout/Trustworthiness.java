package org.embex.layout;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * How well a map keeps neighbourhoods (Venna and Kaski 2001), 0 to 1: points that are among a
 * point's k nearest in the map but far from it in the original space count against it, by how
 * far down its original ranking they are. Quadratic, so computed on a sample.
 */
public final class Trustworthiness {

    private Trustworthiness() {
    }

    public static double of(List<float[]> vectors, Layout layout, int k, Metric metric, int sample, long seed) {
        return of(VectorMatrix.of(vectors, vectors.get(0).length), layout, k, metric, sample, seed);
    }

    public static double of(VectorMatrix vectors, Layout layout, int k, Metric metric, int sample, long seed) {
        int total = vectors.rows();
        int[] chosen = new SplittableRandom(seed).ints(0, total).distinct().limit(Math.min(sample, total)).sorted().toArray();
        int n = chosen.length;
        if (n <= 3 * k + 1) {
            throw new IllegalArgumentException("trustworthiness needs more than 3k+1 points, got " + n);
        }
        List<float[]> sampled = java.util.Arrays.stream(chosen).mapToObj(vectors::row).toList();
        VectorMatrix data = VectorMatrix.of(sampled, sampled.get(0).length);
        double penalty = 0;
        for (int a = 0; a < n; a++) {
            double[] closeness = data.scores(sampled.get(a), metric);
            closeness[a] = Double.POSITIVE_INFINITY;
            double[] mapped = new double[n];
            int i = chosen[a];
            for (int c = 0; c < n; c++) {
                double dx = layout.x()[i] - layout.x()[chosen[c]];
                double dy = layout.y()[i] - layout.y()[chosen[c]];
                mapped[c] = c == a ? Double.NEGATIVE_INFINITY : dx * dx + dy * dy;
            }
            Integer[] byMap = order(mapped);
            for (int m = 1; m <= k; m++) {
                double own = closeness[byMap[m]];
                // Its rank among the original neighbours of a: how many others are closer, plus one.
                int rank = 1;
                for (int c = 0; c < n; c++) {
                    if (c != a && closeness[c] > own) {
                        rank++;
                    }
                }
                if (rank > k) {
                    penalty += rank - k;
                }
            }
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3 * k - 1)) * penalty;
    }

    private static Integer[] order(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        return order;
    }
}
