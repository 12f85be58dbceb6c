package org.embex.neighbours;

import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;


/**
 * Each point's k nearest other points, closest first, with their distances: the neighbour graph
 * that layouts and large-corpus search are built on.
 *
 * @param metric     what "near" means
 * @param neighbours {@code neighbours[i]} the k nearest points to i, closest first
 * @param distances  the matching distances: 1 − cosine, −dot, or Euclidean
 */
public record KnnGraph(Metric metric, int[][] neighbours, float[][] distances) {

    public int points() {
        return neighbours.length;
    }

    public int k() {
        return neighbours.length == 0 ? 0 : neighbours[0].length;
    }

    /**
     * The share of true k nearest neighbours this graph holds, checked exactly on every
     * {@code step}-th point (step 1: all of them).
     */
    public double recall(VectorMatrix data, int step) {
        long found = 0;
        long asked = 0;
        for (int i = 0; i < points(); i += step) {
            java.util.Set<Integer> mine = new java.util.HashSet<>();
            for (int neighbour : neighbours[i]) {
                mine.add(neighbour);
            }
            int point = i;
            for (Neighbour exact : data.topK(data.row(i), k() + 1, metric)) {
                if (exact.index() != point && asked < (long) (i / step + 1) * k()) {
                    asked++;
                    found += mine.contains(exact.index()) ? 1 : 0;
                }
            }
        }
        return asked == 0 ? 1 : (double) found / asked;
    }
}
