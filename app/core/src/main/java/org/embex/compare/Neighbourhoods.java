package org.embex.compare;

import java.util.ArrayList;
import java.util.List;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.neighbours.NnDescent;
import org.embex.vectors.VectorMatrix;

/**
 * Each row's {@code k} nearest other rows under one model. Exact up to {@link #EXACT_UP_TO} rows
 * (a brute-force pass over all pairs); beyond, the NN-descent graph, whose recall@15 is above 0.95.
 *
 * @param rows {@code rows[i]} holds row i's neighbours, nearest first, never i itself
 */
public record Neighbourhoods(int[][] rows) {

    public static final int EXACT_UP_TO = 20_000;

    public static Neighbourhoods of(VectorMatrix vectors, int k, Metric metric, long seed, ProgressListener listener) {
        int n = vectors.rows();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must be within 1.." + (n - 1) + ", was " + k);
        }
        if (n > EXACT_UP_TO) {
            return new Neighbourhoods(NnDescent.build(vectors, k, metric, seed, listener).neighbours());
        }
        List<float[]> queries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            queries.add(vectors.row(i));
        }
        List<List<Neighbour>> found = vectors.topK(queries, k + 1, metric);
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] others = new int[k];
            int filled = 0;
            for (Neighbour neighbour : found.get(i)) {
                if (neighbour.index() != i && filled < k) {
                    others[filled++] = neighbour.index();
                }
            }
            rows[i] = others;
        }
        listener.progress(n, n);
        return new Neighbourhoods(rows);
    }

    public int size() {
        return rows.length;
    }

    public int k() {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    /** Share of row i's neighbours that {@code other} also names, from 0 (none) to 1 (the same set). */
    public double overlap(Neighbourhoods other, int i) {
        int shared = 0;
        for (int a : rows[i]) {
            for (int b : other.rows[i]) {
                if (a == b) {
                    shared++;
                    break;
                }
            }
        }
        return (double) shared / rows[i].length;
    }

    /**
     * Leave-one-out label accuracy: the share of labelled rows whose neighbours' most frequent
     * label (ties to the nearest) is their own. Rows without a label neither vote nor count.
     */
    public double labelAccuracy(List<String> labels) {
        int counted = 0;
        int right = 0;
        for (int i = 0; i < rows.length; i++) {
            String own = labels.get(i);
            if (own == null || own.isEmpty()) {
                continue;
            }
            counted++;
            if (own.equals(vote(labels, rows[i]))) {
                right++;
            }
        }
        return counted == 0 ? Double.NaN : (double) right / counted;
    }

    private static String vote(List<String> labels, int[] neighbours) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (int j : neighbours) {
            String label = labels.get(j);
            if (label != null && !label.isEmpty()) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        // Insertion order is nearest first, so on a tie the label met first (the nearer) stays.
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }
}
