package org.embex.vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Brute-force nearest neighbours: every vector scored, the best k kept in a bounded heap. */
public final class ExactSearch {

    private ExactSearch() {
    }

    /** The {@code k} vectors closest to {@code query}, best first; ties keep the lower index first. */
    public static List<Neighbour> topK(List<float[]> vectors, float[] query, int k, Metric metric) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        Comparator<Neighbour> worstFirst = Comparator.comparingDouble(Neighbour::score)
                .thenComparing(Comparator.comparingInt(Neighbour::index).reversed());
        PriorityQueue<Neighbour> best = new PriorityQueue<>(k + 1, worstFirst);
        for (int i = 0; i < vectors.size(); i++) {
            best.add(new Neighbour(i, metric.score(vectors.get(i), query)));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Neighbour> result = new ArrayList<>(best);
        result.sort(worstFirst.reversed());
        return result;
    }
}
