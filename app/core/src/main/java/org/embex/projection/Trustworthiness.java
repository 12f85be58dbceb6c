package org.embex.projection;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.embex.vectors.Metric;

/**
 * How well a map keeps neighbourhoods (Venna and Kaski 2001), 0 to 1: points that are among a
 * point's k nearest in the map but far from it in the original space count against it, by how
 * far down its original ranking they are. Quadratic, so computed on a sample.
 */
public final class Trustworthiness {

    private Trustworthiness() {
    }

    public static double of(List<float[]> vectors, Layout layout, int k, Metric metric, int sample, long seed) {
        int total = vectors.size();
        int[] chosen = new SplittableRandom(seed).ints(0, total).distinct().limit(Math.min(sample, total)).sorted().toArray();
        int n = chosen.length;
        if (n <= 3 * k + 1) {
            throw new IllegalArgumentException("trustworthiness needs more than 3k+1 points, got " + n);
        }
        double penalty = 0;
        for (int a = 0; a < n; a++) {
            int i = chosen[a];
            double[] original = new double[n];
            double[] mapped = new double[n];
            for (int c = 0; c < n; c++) {
                int j = chosen[c];
                original[c] = c == a ? Double.NEGATIVE_INFINITY : -metric.score(vectors.get(i), vectors.get(j));
                double dx = layout.x()[i] - layout.x()[j];
                double dy = layout.y()[i] - layout.y()[j];
                mapped[c] = c == a ? Double.NEGATIVE_INFINITY : dx * dx + dy * dy;
            }
            int[] rank = ranks(original);
            Integer[] byMap = order(mapped);
            for (int m = 1; m <= k; m++) {
                int r = rank[byMap[m]];
                if (r > k) {
                    penalty += r - k;
                }
            }
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3 * k - 1)) * penalty;
    }

    /** rank[c]: position of c when sorted ascending, the point itself at 0. */
    private static int[] ranks(double[] values) {
        Integer[] order = order(values);
        int[] rank = new int[values.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        return rank;
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
