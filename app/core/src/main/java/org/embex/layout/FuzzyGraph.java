package org.embex.layout;

import java.util.stream.IntStream;

import org.embex.neighbours.KnnGraph;

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

    static FuzzyGraph of(KnnGraph knn, int neighbourhood) {
        int n = knn.points();
        double target = Math.log(neighbourhood) / Math.log(2);
        double meanDistance = 0;
        for (float[] row : knn.distances()) {
            for (float d : row) {
                meanDistance += d / ((double) n * knn.k());
            }
        }
        // Directed strengths in key order (row by row, each row sorted by neighbour): primitive
        // arrays, so that a million points with 15 neighbours stay within a few hundred MB.
        int k = knn.k();
        long[] keys = new long[n * k];
        float[] strengths = new float[n * k];
        double mean = meanDistance;
        // Each row on its own, so the rows are spread over the cores.
        IntStream.range(0, n).parallel().forEach(i -> strengths(knn, i, target, mean, keys, strengths));
        long[] edges = union(keys, n, k);
        int size = edges.length;
        int[] heads = new int[size];
        int[] tails = new int[size];
        float[] weights = new float[size];
        IntStream.range(0, size).parallel().forEach(e -> {
            heads[e] = (int) (edges[e] >>> 32);
            tails[e] = (int) edges[e];
            float forward = strength(keys, k, strengths, edges[e]);
            float backward = strength(keys, k, strengths, reverse(edges[e]));
            weights[e] = forward + backward - forward * backward;
        });
        return new FuzzyGraph(heads, tails, weights);
    }

    /**
     * Every directed edge and its reverse, sorted by head, then tail. A row's keys are sorted by
     * neighbour, so an edge is looked up within its head's row alone: a few entries, where a search
     * of all n · k keys missed the cache at every step (a million points: 14 million keys). Each row
     * is put together and sorted on its own, spread over the cores; only the count and placing of
     * the reverses that a row lacks run in key order on one thread.
     */
    private static long[] union(long[] keys, int n, int k) {
        boolean[] lacksReverse = new boolean[keys.length];
        IntStream.range(0, keys.length).parallel().forEach(e -> lacksReverse[e] = find(keys, k, reverse(keys[e])) < 0);
        int[] rowStarts = new int[n + 1];
        for (int e = 0; e < keys.length; e++) {
            if (lacksReverse[e]) {
                rowStarts[(int) keys[e] + 1]++;
            }
        }
        for (int row = 0; row < n; row++) {
            rowStarts[row + 1] += rowStarts[row] + k;
        }
        long[] edges = new long[rowStarts[n]];
        int[] filled = new int[n];
        for (int e = 0; e < keys.length; e++) {
            if (lacksReverse[e]) {
                int tail = (int) keys[e];
                edges[rowStarts[tail] + k + filled[tail]++] = reverse(keys[e]);
            }
        }
        IntStream.range(0, n).parallel().forEach(row -> {
            System.arraycopy(keys, row * k, edges, rowStarts[row], k);
            java.util.Arrays.sort(edges, rowStarts[row], rowStarts[row + 1]);
        });
        return edges;
    }

    /** Row {@code i}'s directed strengths, written in key order (sorted by neighbour) at {@code i · k}. */
    private static void strengths(KnnGraph knn, int i, double target, double meanDistance, long[] keys, float[] strengths) {
        int k = knn.k();
        float[] distances = knn.distances()[i];
        double rho = distances[0];
        double sigma = sigma(distances, rho, target);
        double rowMean = 0;
        for (float d : distances) {
            rowMean += d / distances.length;
        }
        // umap-learn's floor keeps σ from collapsing where every neighbour sits at the same distance.
        sigma = Math.max(sigma, MIN_SCALE * (rho > 0 ? rowMean : meanDistance));
        int[] neighbours = knn.neighbours()[i];
        // Slots sorted by neighbour, by insertion: a row is short, and a million rows of boxed
        // indices sorted with a comparator cost seconds.
        int[] byNeighbour = new int[k];
        for (int j = 0; j < k; j++) {
            int at = j;
            while (at > 0 && neighbours[byNeighbour[at - 1]] > neighbours[j]) {
                byNeighbour[at] = byNeighbour[at - 1];
                at--;
            }
            byNeighbour[at] = j;
        }
        for (int slot = 0; slot < k; slot++) {
            int j = byNeighbour[slot];
            keys[i * k + slot] = key(i, neighbours[j]);
            strengths[i * k + slot] = (float) (distances[j] - rho <= 0 ? 1 : Math.exp(-(distances[j] - rho) / sigma));
        }
    }

    /** Where {@code edge} is among the keys of its head's row, or a negative number when it is not an edge. */
    private static int find(long[] keys, int k, long edge) {
        int from = (int) (edge >>> 32) * k;
        return java.util.Arrays.binarySearch(keys, from, from + k, edge);
    }

    private static float strength(long[] keys, int k, float[] strengths, long edge) {
        int at = find(keys, k, edge);
        return at < 0 ? 0f : strengths[at];
    }

    private static long reverse(long edge) {
        return key((int) edge, (int) (edge >>> 32));
    }

    /** σ for one point: its strengths {@code exp(−(d − ρ) / σ)} sum to {@code target}, by bisection. */
    static double sigma(float[] distances, double rho, double target) {
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
