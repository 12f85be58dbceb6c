package org.embex.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.neighbours.KnnGraph;
import org.embex.vectors.Metric;

class FuzzyGraphTest {

    /** Random lists of 5 distinct others for 400 points, with hubs: a few points many lists name. */
    private static KnnGraph lists() {
        Random random = new Random(3);
        int n = 400;
        int k = 5;
        int[][] neighbours = new int[n][k];
        float[][] distances = new float[n][k];
        for (int i = 0; i < n; i++) {
            int placed = 0;
            while (placed < k) {
                int other = random.nextBoolean() ? random.nextInt(10) : random.nextInt(n);
                boolean taken = other == i;
                for (int j = 0; j < placed; j++) {
                    taken |= neighbours[i][j] == other;
                }
                if (!taken) {
                    neighbours[i][placed] = other;
                    distances[i][placed] = placed == 0 ? 0.1f : distances[i][placed - 1] + random.nextFloat() * 0.2f;
                    placed++;
                }
            }
        }
        return new KnnGraph(Metric.COSINE, neighbours, distances);
    }

    @Test
    void everyListedPairIsAnEdgeBothWaysOnceSortedByHeadThenTail() {
        KnnGraph knn = lists();
        FuzzyGraph graph = FuzzyGraph.of(knn, 6);
        Map<Long, Float> weights = new HashMap<>();
        for (int e = 0; e < graph.heads().length; e++) {
            long key = ((long) graph.heads()[e] << 32) | graph.tails()[e];
            assertThat(weights.put(key, graph.weights()[e])).as("edge %d is listed once", e).isNull();
            if (e > 0) {
                long before = ((long) graph.heads()[e - 1] << 32) | graph.tails()[e - 1];
                assertThat(key).isGreaterThan(before);
            }
        }
        int pairs = 0;
        for (int i = 0; i < knn.points(); i++) {
            for (int j : knn.neighbours()[i]) {
                Float forward = weights.get(((long) i << 32) | j);
                Float backward = weights.get(((long) j << 32) | i);
                assertThat(forward).isNotNull();
                assertThat(backward).isEqualTo(forward);
                pairs++;
            }
        }
        // Nothing but the listed pairs and their reverses.
        assertThat(weights.size()).isLessThanOrEqualTo(2 * pairs);
        for (long key : weights.keySet()) {
            int head = (int) (key >>> 32);
            int tail = (int) key;
            boolean listed = contains(knn.neighbours()[head], tail) || contains(knn.neighbours()[tail], head);
            assertThat(listed).as("edge %d -> %d", head, tail).isTrue();
        }
    }

    @Test
    void aPairListedBothWaysIsTheFuzzyUnionOfItsStrengths() {
        KnnGraph knn = lists();
        FuzzyGraph graph = FuzzyGraph.of(knn, 6);
        // The nearest neighbour's strength is 1 (local connectivity 1), so any edge to it weighs 1.
        for (int e = 0; e < graph.heads().length; e++) {
            int head = graph.heads()[e];
            int tail = graph.tails()[e];
            if (knn.neighbours()[head][0] == tail || knn.neighbours()[tail][0] == head) {
                assertThat(graph.weights()[e]).isCloseTo(1f, within(1e-6f));
            } else {
                assertThat(graph.weights()[e]).isBetween(0f, 1f);
            }
        }
    }

    private static boolean contains(int[] list, int value) {
        for (int v : list) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
