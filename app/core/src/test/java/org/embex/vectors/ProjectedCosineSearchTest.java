package org.embex.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ProjectedCosineSearchTest {

    /**
     * Rows in clusters, as embeddings are, of every length, with duplicates (ties) and zero rows;
     * queries from the clusters, a row itself, a duplicated row, a zero query and one from nowhere.
     * Every answer is brute force's, index and score to the last bit, for one and for several best.
     */
    @Test
    void findsWhatBruteForceFindsAndScoresFewRows() {
        Random random = new Random(11);
        int dims = 96;
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            centres.add(gaussian(random, dims, 1));
        }
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            rows.add(near(random, centres.get(random.nextInt(centres.size())), 0.25, 0.5 + 2.5 * random.nextDouble()));
        }
        for (int i = 0; i < 5; i++) {
            rows.set(100 + i, rows.get(7).clone());
        }
        rows.set(200, new float[dims]);
        rows.set(3_999, new float[dims]);
        VectorMatrix matrix = VectorMatrix.of(rows, dims);
        ProjectedCosineSearch search = ProjectedCosineSearch.of(matrix);

        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            queries.add(near(random, centres.get(random.nextInt(centres.size())), 0.25, 1));
        }
        queries.add(rows.get(33).clone());
        queries.add(rows.get(7).clone());
        queries.add(new float[dims]);
        queries.add(gaussian(random, dims, 1));

        for (int k : new int[] {1, 5}) {
            assertThat(search.nearest(queries, k)).isEqualTo(matrix.topK(queries, k, Metric.COSINE));
        }
        List<Neighbour> tie = search.nearest(List.of(rows.get(7)), 6).get(0);
        assertThat(tie).extracting(Neighbour::index).containsExactly(7, 100, 101, 102, 103, 104);

        long before = search.rowsScored();
        search.nearest(queries.subList(0, 50), 1);
        double perQuery = (search.rowsScored() - before) / 50.0;
        assertThat(perQuery).as("rows scored exactly per query, of 4,000").isLessThan(400);
    }

    /** Fewer rows than directions, and rows that span fewer directions than the search keeps. */
    @Test
    void smallAndFlatSetsAreSearchedExactly() {
        Random random = new Random(5);
        List<float[]> few = List.of(gaussian(random, 5, 1), gaussian(random, 5, 1), gaussian(random, 5, 1));
        VectorMatrix small = VectorMatrix.of(few, 5);
        List<float[]> queries = List.of(gaussian(random, 5, 1), gaussian(random, 5, 1), few.get(1));
        assertThat(ProjectedCosineSearch.of(small).nearest(queries, 2)).isEqualTo(small.topK(queries, 2, Metric.COSINE));

        int dims = 50;
        float[] a = gaussian(random, dims, 1);
        float[] b = gaussian(random, dims, 1);
        List<float[]> flat = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] row = new float[dims];
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            for (int j = 0; j < dims; j++) {
                row[j] = (float) (x * a[j] + y * b[j]);
            }
            flat.add(row);
        }
        VectorMatrix plane = VectorMatrix.of(flat, dims);
        List<float[]> asked = List.of(gaussian(random, dims, 1), flat.get(3), gaussian(random, dims, 1));
        assertThat(ProjectedCosineSearch.of(plane).nearest(asked, 3)).isEqualTo(plane.topK(asked, 3, Metric.COSINE));
    }

    /** The column-wise kernel gives the same values with SIMD as without, for widths that fill registers and not. */
    @Test
    void columnDotsAreTheSameOnEveryKernel() {
        Random random = new Random(3);
        for (int width : new int[] {64, 70, 5}) {
            int depth = 64;
            float[] block = gaussian(random, width * depth + 3, 1);
            float[] weights = gaussian(random, depth + 1, 1);
            float[] simd = new float[width + 2];
            float[] scalar = new float[width + 2];
            new SimdDot().columnDots(block, 3, width, depth, weights, 1, simd, 2);
            new ScalarDot().columnDots(block, 3, width, depth, weights, 1, scalar, 2);
            assertThat(simd).containsExactly(scalar);
            double expected = 0;
            for (int k = 0; k < depth; k++) {
                expected += (double) block[3 + k * width + 4] * weights[1 + k];
            }
            assertThat((double) simd[2 + 4]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-4));
        }
    }

    private static float[] gaussian(Random random, int dims, double scale) {
        float[] vector = new float[dims];
        for (int j = 0; j < dims; j++) {
            vector[j] = (float) (scale * random.nextGaussian());
        }
        return vector;
    }

    private static float[] near(Random random, float[] centre, double spread, double length) {
        float[] vector = new float[centre.length];
        for (int j = 0; j < centre.length; j++) {
            vector[j] = (float) (length * (centre[j] + spread * random.nextGaussian()));
        }
        return vector;
    }
}
