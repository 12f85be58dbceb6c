package org.embex.neighbours;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class NnDescentTest {

    /** 3,000 points in 48 dimensions around 30 centres: clustered, as embeddings are. */
    private static VectorMatrix clustered(long seed) {
        return clustered(seed, 3000);
    }

    /** {@code count} points in 48 dimensions around 30 centres. */
    private static VectorMatrix clustered(long seed, int count) {
        Random random = new Random(seed);
        int dims = 48;
        float[][] centres = new float[30][dims];
        for (float[] centre : centres) {
            for (int j = 0; j < dims; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] centre = centres[random.nextInt(centres.length)];
            float[] point = new float[dims];
            for (int j = 0; j < dims; j++) {
                point[j] = centre[j] + (float) (random.nextGaussian() * 0.4);
            }
            points.add(point);
        }
        return VectorMatrix.of(points, dims);
    }

    @Test
    void recallAt15IsAtLeast95PercentForEveryMetric() {
        VectorMatrix data = clustered(1);
        for (Metric metric : List.of(Metric.COSINE, Metric.L2)) {
            KnnGraph graph = NnDescent.build(data, 15, metric, 7, ProgressListener.NONE);
            assertThat(graph.points()).isEqualTo(3000);
            assertThat(graph.recall(data, 5)).as(metric.label()).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void neighboursAreOtherPointsClosestFirst() {
        VectorMatrix data = clustered(2);
        KnnGraph graph = NnDescent.build(data, 10, Metric.COSINE, 3, ProgressListener.NONE);
        for (int i = 0; i < graph.points(); i++) {
            assertThat(graph.neighbours()[i]).doesNotContain(i).doesNotHaveDuplicates();
            for (int j = 1; j < graph.k(); j++) {
                assertThat(graph.distances()[i][j]).isGreaterThanOrEqualTo(graph.distances()[i][j - 1]);
            }
        }
    }

    @Test
    void sameSeedSameGraph() {
        VectorMatrix data = clustered(3);
        KnnGraph one = NnDescent.build(data, 8, Metric.COSINE, 11, ProgressListener.NONE);
        KnnGraph two = NnDescent.build(data, 8, Metric.COSINE, 11, ProgressListener.NONE);
        assertThat(one.neighbours()).isDeepEqualTo(two.neighbours());
    }

    @Test
    void oneThreadBuildsTheSameGraphAsMany() throws Exception {
        // More points than one chunk of candidate sampling draws for, so several chunks run at once.
        VectorMatrix data = clustered(4, 10_000);
        KnnGraph many = NnDescent.build(data, 8, Metric.COSINE, 5, ProgressListener.NONE);
        java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
        try {
            KnnGraph one = single.submit(() -> NnDescent.build(data, 8, Metric.COSINE, 5, ProgressListener.NONE)).get();
            assertThat(one.neighbours()).isDeepEqualTo(many.neighbours());
            assertThat(one.distances()).isDeepEqualTo(many.distances());
        } finally {
            single.shutdown();
        }
    }

    @Test
    void theListsUpdatedInOnePartOrInManyGiveTheSameGraph() {
        VectorMatrix data = clustered(6, 10_000);
        KnnGraph one = NnDescent.build(data, 8, Metric.COSINE, 9, 1, ProgressListener.NONE);
        KnnGraph many = NnDescent.build(data, 8, Metric.COSINE, 9, 7, ProgressListener.NONE);
        assertThat(many.neighbours()).isDeepEqualTo(one.neighbours());
        assertThat(many.distances()).isDeepEqualTo(one.distances());
    }
}
