package org.embex.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class ExactKnnTest {

    /** 203 rows (not a multiple of the kernel's four), 37 dims (not a multiple of a SIMD register), some rows repeated. */
    private static List<float[]> rows() {
        Random random = new Random(5);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 203; i++) {
            if (i % 50 == 49) {
                rows.add(rows.get(i - 7).clone());
                continue;
            }
            float[] row = new float[37];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() + (i % 3);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void listsEveryRowsTrueNeighboursInOrderForEveryMetric() {
        List<float[]> rows = rows();
        VectorMatrix data = VectorMatrix.of(rows, 37);
        for (Metric metric : Metric.values()) {
            KnnGraph graph = ExactKnn.build(data, 12, metric, ProgressListener.NONE);
            for (int i = 0; i < rows.size(); i++) {
                // The brute-force truth: every other row scored in double precision.
                int row = i;
                List<Integer> others = new ArrayList<>();
                for (int j = 0; j < rows.size(); j++) {
                    if (j != row) {
                        others.add(j);
                    }
                }
                others.sort((a, b) -> Double.compare(metric.score(rows.get(row), rows.get(b)),
                        metric.score(rows.get(row), rows.get(a))));
                for (int slot = 0; slot < 12; slot++) {
                    double expected = metric.score(rows.get(i), rows.get(others.get(slot)));
                    double found = metric.score(rows.get(i), rows.get(graph.neighbours()[i][slot]));
                    assertThat(found).as("%s row %d slot %d", metric, i, slot)
                            .isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
                }
                assertThat(graph.neighbours()[i]).doesNotContain(i).doesNotHaveDuplicates();
            }
            assertThat(graph.recall(data, 1)).as(metric.label()).isGreaterThanOrEqualTo(0.999);
        }
    }

    @Test
    void aRepeatedRowIsItsTwinsNearestAtDistanceZero() {
        VectorMatrix data = VectorMatrix.of(rows(), 37);
        KnnGraph graph = ExactKnn.build(data, 5, Metric.COSINE, ProgressListener.NONE);
        assertThat(graph.neighbours()[49][0]).isEqualTo(42);
        assertThat(graph.neighbours()[42][0]).isEqualTo(49);
        assertThat(graph.distances()[49][0]).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void reportsProgressToTheEnd() {
        AtomicLong last = new AtomicLong();
        ExactKnn.build(VectorMatrix.of(rows(), 37), 3, Metric.L2, (done, total) -> last.accumulateAndGet(done, Math::max));
        assertThat(last.get()).isEqualTo(203);
    }

    @Test
    void refusesAkAsLargeAsTheRows() {
        VectorMatrix data = VectorMatrix.of(rows().subList(0, 10), 37);
        assertThatThrownBy(() -> ExactKnn.build(data, 10, Metric.COSINE, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
