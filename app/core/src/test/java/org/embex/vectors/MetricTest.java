package org.embex.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricTest {

    private static final float[] A = {1, 0};
    private static final float[] B = {3, 4};

    @Test
    void cosineDotAndDistanceOfAWorkedPair() {
        assertThat(Metric.dot(A, B)).isEqualTo(3);
        assertThat(Metric.cosine(A, B)).isCloseTo(0.6, within(1e-12));
        assertThat(Metric.l2(A, B)).isCloseTo(Math.sqrt(4 + 16), within(1e-12));
    }

    @Test
    void l2ScoreIsTheNegatedDistanceSoLargerIsCloser() {
        assertThat(Metric.L2.score(A, B)).isCloseTo(-Math.sqrt(20), within(1e-12));
    }

    @Test
    void cosineOfZeroVectorIsZero() {
        assertThat(Metric.cosine(new float[] {0, 0}, B)).isZero();
    }

    @Test
    void searchRanksBestFirstUnderEachMetric() {
        List<float[]> vectors = List.of(new float[] {0, 1}, new float[] {10, 1}, new float[] {1, 0.1f});
        float[] query = {1, 0};
        assertThat(VectorMatrix.of(vectors, 2).topK(query, 2, Metric.COSINE)).extracting(Neighbour::index).containsExactly(1, 2);
        assertThat(VectorMatrix.of(vectors, 2).topK(query, 2, Metric.DOT)).extracting(Neighbour::index).containsExactly(1, 2);
        assertThat(VectorMatrix.of(vectors, 2).topK(query, 3, Metric.L2)).extracting(Neighbour::index).containsExactly(2, 0, 1);
    }

    @Test
    void matrixScoresAgreeWithTheMetricsOnRandomVectors() {
        java.util.Random random = new java.util.Random(3);
        List<float[]> vectors = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] v = new float[13];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
            }
            vectors.add(v);
        }
        float[] query = vectors.get(17);
        VectorMatrix matrix = VectorMatrix.of(vectors, 13);
        for (Metric metric : Metric.values()) {
            List<Neighbour> top = matrix.topK(query, 5, metric);
            assertThat(top.get(0).index()).isEqualTo(17);
            for (Neighbour neighbour : top) {
                assertThat(neighbour.score()).isCloseTo(metric.score(vectors.get(neighbour.index()), query), within(1e-4));
            }
            double worstKept = top.get(4).score();
            long better = vectors.stream().filter(v -> metric.score(v, query) > worstKept + 1e-4).count();
            assertThat(better).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void tiesKeepFileOrder() {
        List<float[]> vectors = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 0});
        assertThat(VectorMatrix.of(vectors, 2).topK(new float[] {1, 0}, 2, Metric.COSINE))
                .extracting(Neighbour::index).containsExactly(0, 2);
    }
}
