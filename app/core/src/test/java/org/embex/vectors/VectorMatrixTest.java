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

    /**
     * Many queries searched together (four rows against four queries at a time) find what each
     * finds alone, with the very same scores, and what brute force finds, for every metric: rows and
     * queries that do not fill a four, and dimensions that do not fill a SIMD register, included.
     */
    @Test
    void queriesSearchedTogetherFindWhatEachFindsAlone() {
        java.util.Random random = new java.util.Random(7);
        int rows = 1_003;
        int dims = 37;
        float[] values = new float[rows * dims];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        VectorMatrix matrix = VectorMatrix.wrap(values, dims);
        java.util.List<float[]> queries = new java.util.ArrayList<>();
        for (int q = 0; q < 11; q++) {
            float[] query = new float[dims];
            for (int d = 0; d < dims; d++) {
                query[d] = (float) random.nextGaussian();
            }
            queries.add(query);
        }
        for (Metric metric : Metric.values()) {
            java.util.List<java.util.List<Neighbour>> together = matrix.topK(queries, 5, metric);
            for (int q = 0; q < queries.size(); q++) {
                float[] query = queries.get(q);
                java.util.List<Neighbour> alone = matrix.topK(query, 5, metric);
                java.util.List<Integer> brute = java.util.stream.IntStream.range(0, rows).boxed()
                        .sorted(java.util.Comparator.comparingDouble(row -> -score(metric, matrix.row(row), query)))
                        .limit(5).toList();
                assertThat(together.get(q).stream().map(Neighbour::index).toList()).as(metric + " query " + q)
                        .isEqualTo(alone.stream().map(Neighbour::index).toList()).isEqualTo(brute);
                for (int i = 0; i < 5; i++) {
                    assertThat(together.get(q).get(i).score()).isEqualTo(alone.get(i).score());
                }
            }
        }
    }

    /**
     * One row's distances to many, computed four at a time, are the distances computed one by
     * one, up to the last bits the other order of the sums changes: for every metric, for counts
     * that do not fill a four, a row among its own partners, a zero row, and dimensions that fill
     * two SIMD registers, one, or less than one.
     */
    @Test
    void distancesToManyRowsAreTheDistancesOneByOne() {
        java.util.Random random = new java.util.Random(11);
        for (int dims : new int[] {384, 37, 5}) {
            int rows = 50;
            float[] values = new float[rows * dims];
            for (int i = dims; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            VectorMatrix matrix = VectorMatrix.wrap(values, dims);
            int[] others = {7, 0, 3, 3, 49, 12, 21, 8, 30};
            for (Metric metric : Metric.values()) {
                for (int count = 0; count <= others.length; count++) {
                    float[] out = new float[count + 2];
                    matrix.distances(3, others, count, metric, out, 2);
                    for (int i = 0; i < count; i++) {
                        float alone = matrix.distance(3, others[i], metric);
                        assertThat(out[2 + i]).as(metric + ", " + dims + " dims, row " + others[i] + " of " + count)
                                .isCloseTo(alone, within(1e-4f * Math.max(1, Math.abs(alone))));
                    }
                }
            }
        }
    }

    private static double score(Metric metric, float[] row, float[] query) {
        return switch (metric) {
            case COSINE -> Metric.cosine(row, query);
            case DOT -> Metric.dot(row, query);
            case L2 -> -Metric.l2(row, query);
        };
    }
}
