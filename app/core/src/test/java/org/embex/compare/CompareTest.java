package org.embex.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.progress.ProgressListener;
import org.embex.layout.Layout;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class CompareTest {

    @Test
    void procrustesUndoesARotationReflectionScaleAndShift() {
        Random random = new Random(1);
        int n = 300;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian() * 3;
            y[i] = (float) random.nextGaussian();
        }
        Layout reference = new Layout(x, y);
        for (boolean mirrored : new boolean[] {false, true}) {
            double angle = 2.1;
            float[] mx = new float[n];
            float[] my = new float[n];
            for (int i = 0; i < n; i++) {
                double px = x[i];
                double py = mirrored ? -y[i] : y[i];
                mx[i] = (float) (0.37 * (Math.cos(angle) * px - Math.sin(angle) * py) + 12);
                my[i] = (float) (0.37 * (Math.sin(angle) * px + Math.cos(angle) * py) - 5);
            }
            Layout aligned = Procrustes.align(reference, new Layout(mx, my));
            for (int i = 0; i < n; i++) {
                assertThat((double) aligned.x()[i]).isCloseTo(x[i], within(1e-3));
                assertThat((double) aligned.y()[i]).isCloseTo(y[i], within(1e-3));
            }
        }
    }

    private static List<float[]> line(double... positions) {
        List<float[]> vectors = new ArrayList<>();
        for (double p : positions) {
            vectors.add(new float[] {(float) p, 1});
        }
        return vectors;
    }

    @Test
    void overlapCountsSharedNeighboursAndLabelsVoteByNeighbours() {
        // Under L2 on a line: the first model puts rows at 0,1,2,10,11,12; the second moves row 2 among the high ones and row 3 among the low ones.
        List<float[]> first = line(0, 1, 2, 10, 11, 12);
        List<float[]> second = line(0, 1.3, 10, 2.1, 11, 12.6);
        Neighbourhoods a = Neighbourhoods.of(VectorMatrix.of(first, 2), 2, Metric.L2, 1, ProgressListener.NONE);
        Neighbourhoods b = Neighbourhoods.of(VectorMatrix.of(second, 2), 2, Metric.L2, 1, ProgressListener.NONE);
        assertThat(a.rows()[0]).containsExactly(1, 2);
        assertThat(b.rows()[0]).containsExactly(1, 3);
        assertThat(a.overlap(b, 0)).isEqualTo(0.5);
        assertThat(a.overlap(a, 4)).isEqualTo(1.0);

        List<String> labels = List.of("x", "x", "x", "y", "y", "");
        assertThat(a.labelAccuracy(labels)).isEqualTo(1.0);
        // Second model: only row 0 keeps a neighbourhood of its own label (ties go to the nearer neighbour).
        assertThat(b.labelAccuracy(labels)).isEqualTo(1.0 / 5);
    }

    @Test
    void theComparisonRanksRowsByDisagreement() {
        List<float[]> first = line(0, 1, 2, 10, 11, 12);
        List<float[]> second = line(0, 1.3, 10, 2.1, 11, 12.6);
        List<String> labels = List.of("x", "x", "x", "y", "y", "y");
        ModelComparison comparison = ModelComparison.of("a", first, "b", second, labels, 2, Metric.L2, 1, ProgressListener.NONE);

        double[] overlap = comparison.overlap();
        assertThat(comparison.mostDisagreeing()).hasSize(6);
        for (int r = 1; r < 6; r++) {
            assertThat(overlap[comparison.mostDisagreeing()[r]]).isGreaterThanOrEqualTo(overlap[comparison.mostDisagreeing()[r - 1]]);
        }
        assertThat(overlap[comparison.mostDisagreeing()[0]]).isLessThan(1);
        assertThat(comparison.meanOverlap()).isCloseTo(java.util.Arrays.stream(overlap).average().orElseThrow(), within(1e-12));
        assertThat(comparison.first().knnLabelAccuracy()).hasValue(1.0);
        assertThat(comparison.second().knnLabelAccuracy().getAsDouble()).isLessThan(1.0);
        assertThat(comparison.first().labelSilhouette().getAsDouble())
                .isGreaterThan(comparison.second().labelSilhouette().getAsDouble());
    }
}
