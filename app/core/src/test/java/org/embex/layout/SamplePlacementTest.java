package org.embex.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class SamplePlacementTest {

    private static final int CENTRES = 12;

    /** {@code count} points around 12 centres in 32 dimensions; point i belongs to centre i mod 12. */
    private static List<float[]> clustered(int count, long seed) {
        Random centresRandom = new Random(4);
        float[][] centres = new float[CENTRES][32];
        for (float[] centre : centres) {
            for (int j = 0; j < 32; j++) {
                centre[j] = (float) centresRandom.nextGaussian();
            }
        }
        Random random = new Random(seed);
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] p = new float[32];
            for (int j = 0; j < 32; j++) {
                p[j] = centres[i % CENTRES][j] + (float) (random.nextGaussian() * 0.25);
            }
            points.add(p);
        }
        return points;
    }

    /** With exact search of the sample, and with its graph index (a large sample's). */
    @ParameterizedTest
    @ValueSource(ints = {SamplePlacement.EXACT_UP_TO, 100})
    void aPlacedPointLandsAmongTheSamplePointsOfItsOwnCluster(int exactUpTo) {
        List<float[]> sample = clustered(600, 1);
        VectorMatrix sampleMatrix = VectorMatrix.of(sample, 32);
        UmapParams params = UmapParams.defaults();
        Layout map = Umap.layout(sampleMatrix, params, LayoutWatch.of(ProgressListener.NONE));
        List<float[]> others = clustered(1200, 2);

        Layout placed = SamplePlacement.of(sampleMatrix, map, params, exactUpTo).place(others, 7).layout();

        int right = 0;
        for (int i = 0; i < others.size(); i++) {
            // The sample point nearest on the map is of the placed point's own cluster.
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < sample.size(); s++) {
                double dx = placed.x()[i] - map.x()[s];
                double dy = placed.y()[i] - map.y()[s];
                if (dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    nearest = s;
                }
            }
            right += nearest % CENTRES == i % CENTRES ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(others.size() * 98 / 100);
    }

    @Test
    void aPointsPlaceDependsOnItsVectorTheSampleAndTheSeedAlone() {
        List<float[]> sample = clustered(300, 1);
        VectorMatrix sampleMatrix = VectorMatrix.of(sample, 32);
        UmapParams params = UmapParams.defaults();
        SamplePlacement placement = SamplePlacement.of(sampleMatrix, Umap.layout(sampleMatrix, params,
                LayoutWatch.of(ProgressListener.NONE)), params);
        List<float[]> others = clustered(100, 3);

        Layout together = placement.place(others, 5).layout();
        Layout alone = placement.place(others.subList(40, 41), 5).layout();
        Layout otherSeed = placement.place(others.subList(40, 41), 6).layout();

        assertThat(alone.x()[0]).isEqualTo(together.x()[40]);
        assertThat(alone.y()[0]).isEqualTo(together.y()[40]);
        assertThat(otherSeed.x()[0]).isNotEqualTo(alone.x()[0]);
    }

    /** The whole map from a sample of a fifth is about as faithful as UMAP of every point. */
    @Test
    void aSampledMapIsNearlyAsFaithfulAsFullUmap() {
        List<float[]> points = clustered(3000, 9);
        VectorMatrix data = VectorMatrix.of(points, 32);
        UmapParams params = UmapParams.defaults();

        double full = Trustworthiness.of(data, Umap.layout(data, params, LayoutWatch.of(ProgressListener.NONE)), 15, Metric.COSINE,
                1000, 1);
        double sampled = Trustworthiness.of(data, SampledUmap.layout(data, 600, params, LayoutWatch.of(ProgressListener.NONE)), 15,
                Metric.COSINE, 1000, 1);

        assertThat(sampled).isGreaterThan(full - 0.03);
        assertThat(SampledUmap.sample(3000, 600, 42)).hasSize(600).isSorted().doesNotHaveDuplicates()
                .isEqualTo(SampledUmap.sample(3000, 600, 42));
    }
}
