package org.embex.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import smile.validation.metric.AdjustedRandIndex;
import smile.validation.metric.NormalizedMutualInformation;

import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/** How good a clustering is: silhouette on its own, ARI and NMI against known labels. */
public final class ClusterQuality {

    /** Silhouette is quadratic in the points; above this it is computed on a random sample. */
    public static final int SILHOUETTE_SAMPLE = 2000;

    private ClusterQuality() {
    }

    /**
     * Mean silhouette with cosine distance, noise left out, on at most {@value #SILHOUETTE_SAMPLE}
     * points drawn with {@code seed}; NaN with fewer than two clusters.
     */
    public static double silhouette(List<float[]> vectors, int[] assignments, long seed) {
        return silhouette(VectorMatrix.of(vectors, vectors.get(0).length), assignments, seed);
    }

    public static double silhouette(VectorMatrix vectors, int[] assignments, long seed) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < assignments.length; i++) {
            if (assignments[i] != Clusterer.NOISE) {
                members.add(i);
            }
        }
        java.util.Collections.shuffle(members, new Random(seed));
        List<Integer> sample = members.subList(0, Math.min(SILHOUETTE_SAMPLE, members.size()));
        if (sample.stream().map(i -> assignments[i]).distinct().count() < 2) {
            return Double.NaN;
        }
        Map<Integer, float[]> unit = new HashMap<>();
        for (int i : sample) {
            unit.put(i, unitLength(vectors.row(i)));
        }
        double total = 0;
        for (int i : sample) {
            Map<Integer, double[]> sums = new HashMap<>();
            for (int j : sample) {
                if (i != j) {
                    double[] sum = sums.computeIfAbsent(assignments[j], id -> new double[2]);
                    sum[0] += 1 - Metric.dot(unit.get(i), unit.get(j));
                    sum[1]++;
                }
            }
            double[] own = sums.get(assignments[i]);
            if (own == null) {
                continue;
            }
            double a = own[0] / own[1];
            double b = sums.entrySet().stream().filter(e -> e.getKey() != assignments[i])
                    .mapToDouble(e -> e.getValue()[0] / e.getValue()[1]).min().orElse(0);
            total += Math.max(a, b) == 0 ? 0 : (b - a) / Math.max(a, b);
        }
        return total / sample.size();
    }

    private static float[] unitLength(float[] vector) {
        double norm = Math.sqrt(Metric.dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int j = 0; j < vector.length; j++) {
            unit[j] = norm == 0 ? 0 : (float) (vector[j] / norm);
        }
        return unit;
    }

    /** Adjusted Rand index against labels; noise counts as one more cluster. */
    public static double adjustedRandIndex(List<String> labels, int[] assignments) {
        return AdjustedRandIndex.of(codes(labels), assignments);
    }

    /** Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default). */
    public static double normalizedMutualInformation(List<String> labels, int[] assignments) {
        return NormalizedMutualInformation.sum(codes(labels), assignments);
    }

    private static int[] codes(List<String> labels) {
        Map<String, Integer> codes = new HashMap<>();
        return labels.stream().mapToInt(label -> codes.computeIfAbsent(label, key -> codes.size())).toArray();
    }
}
