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
        assertThat(ExactSearch.topK(vectors, query, 2, Metric.COSINE)).extracting(Neighbour::index).containsExactly(1, 2);
        assertThat(ExactSearch.topK(vectors, query, 2, Metric.DOT)).extracting(Neighbour::index).containsExactly(1, 2);
        assertThat(ExactSearch.topK(vectors, query, 3, Metric.L2)).extracting(Neighbour::index).containsExactly(2, 0, 1);
    }

    @Test
    void tiesKeepFileOrder() {
        List<float[]> vectors = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 0});
        assertThat(ExactSearch.topK(vectors, new float[] {1, 0}, 2, Metric.COSINE))
                .extracting(Neighbour::index).containsExactly(0, 2);
    }
}
