package org.embex.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorMatrixTest {

    @Test
    void wrappedRowsAreReadInPlace() {
        float[] values = {3, 4, 0, 1, 0, 0};
        VectorMatrix matrix = VectorMatrix.wrap(values, 3);
        assertThat(matrix.rows()).isEqualTo(2);
        assertThat(matrix.row(1)).containsExactly(1, 0, 0);
        assertThat(matrix.dot(0, new float[] {1, 1, 1})).isEqualTo(7);
        assertThat(matrix.topK(new float[] {1, 0, 0}, 1, Metric.COSINE).get(0).index()).isEqualTo(1);
    }

    @Test
    void wrapRejectsAPartialRow() {
        assertThatThrownBy(() -> VectorMatrix.wrap(new float[7], 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addScaledRowAccumulates() {
        float[] values = new float[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        VectorMatrix matrix = VectorMatrix.wrap(values, 20);
        float[] sum = new float[20];
        sum[19] = 1;
        matrix.addScaledRow(1, 0.5f, sum);
        matrix.addScaledRow(0, 2f, sum);
        assertThat(sum[0]).isCloseTo(10f, within(1e-6f));
        assertThat(sum[19]).isCloseTo(1 + 19.5f + 38f, within(1e-5f));
    }
}
