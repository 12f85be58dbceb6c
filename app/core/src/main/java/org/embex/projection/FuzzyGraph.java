package org.embex.projection;

import java.util.HashMap;
import java.util.Map;

import org.embex.vectors.KnnGraph;

/**
 * UMAP's fuzzy simplicial set: each point's neighbour distances turned into membership strengths
 * {@code exp(−(d − ρ) / σ)}, with ρ the distance to its nearest neighbour (local connectivity 1)
 * and σ found by bisection so the strengths sum to {@code log2(n_neighbors)}; then made symmetric
 * by the fuzzy union {@code w + wᵀ − w·wᵀ}. Stored as a list of directed edges, both directions.
 */
record FuzzyGraph(int[] heads, int[] tails, float[] weights) {

    private static final int BISECTIONS = 64;
    private static final double TOLERANCE = 1e-5;
    private static final double MIN_SCALE = 1e-3;

    static FuzzyGraph of(KnnGraph knn, int neighbors) {
        int n = knn.points();
        double target = Math.log(neighbors) / Math.log(2);
        double meanDistance = 0;
        for (float[] row : knn.distances()) {
            for (float d : row) {
                meanDistance += d / ((double) n * knn.k());
            }
        }
        Map<Long, Float> strengths = new HashMap<>(n * knn.k() * 2);
        for (int i = 0; i < n; i++) {
            float[] distances = knn.distances()[i];
            double rho = distances[0];
            double sigma = sigma(distances, rho, target);
            double rowMean = 0;
            for (float d : distances) {
                rowMean += d / distances.length;
            }
            // umap-learn's floor keeps σ from collapsing where every neighbour sits at the same distance.
            sigma = Math.max(sigma, MIN_SCALE * (rho > 0 ? rowMean : meanDistance));
            for (int j = 0; j < distances.length; j++) {
                double strength = distances[j] - rho <= 0 ? 1 : Math.exp(-(distances[j] - rho) / sigma);
                strengths.put(key(i, knn.neighbours()[i][j]), (float) strength);
            }
        }
        Map<Long, Float> union = new HashMap<>(strengths.size() * 2);
        strengths.forEach((edge, w) -> {
            int i = (int) (edge >>> 32);
            int j = (int) (long) edge;
            float reverse = strengths.getOrDefault(key(j, i), 0f);
            float combined = w + reverse - w * reverse;
            union.put(key(i, j), combined);
            union.put(key(j, i), combined);
        });
        long[] edges = union.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int[] heads = new int[edges.length];
        int[] tails = new int[edges.length];
        float[] weights = new float[edges.length];
        for (int e = 0; e < edges.length; e++) {
            heads[e] = (int) (edges[e] >>> 32);
            tails[e] = (int) edges[e];
            weights[e] = union.get(edges[e]);
        }
        return new FuzzyGraph(heads, tails, weights);
    }

    private static double sigma(float[] distances, double rho, double target) {
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double middle = 1;
        for (int step = 0; step < BISECTIONS; step++) {
            double sum = 0;
            for (int j = 0; j < distances.length; j++) {
                double excess = distances[j] - rho;
                sum += excess > 0 ? Math.exp(-excess / middle) : 1;
            }
            if (Math.abs(sum - target) < TOLERANCE) {
                break;
            }
            if (sum > target) {
                high = middle;
                middle = (low + high) / 2;
            } else {
                low = middle;
                middle = high == Double.POSITIVE_INFINITY ? middle * 2 : (low + high) / 2;
            }
        }
        return middle;
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | (j & 0xffffffffL);
    }
}
