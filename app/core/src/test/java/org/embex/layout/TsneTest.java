package org.embex.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.neighbours.NnDescent;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class TsneTest {

    private static List<float[]> clustered(int count) {
        Random random = new Random(8);
        float[][] centres = new float[10][24];
        for (float[] centre : centres) {
            for (int j = 0; j < 24; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] centre = centres[i % centres.length];
            float[] p = new float[24];
            for (int j = 0; j < 24; j++) {
                p[j] = centre[j] + (float) (random.nextGaussian() * 0.25);
            }
            points.add(p);
        }
        return points;
    }

    @Test
    void affinitiesAreSymmetricAndSumToOne() {
        List<float[]> points = clustered(300);
        var knn = NnDescent.build(VectorMatrix.of(points, 24), 90, Metric.COSINE, 1, ProgressListener.NONE);
        Tsne.SparseAffinities p = Tsne.affinities(knn, 30);
        double total = 0;
        int[] starts = p.rowStarts();
        for (int i = 0; i < starts.length - 1; i++) {
            for (int c = starts[i]; c < starts[i + 1]; c++) {
                total += p.values()[c];
                int j = p.columns()[c];
                int back = java.util.Arrays.binarySearch(p.columns(), starts[j], starts[j + 1], i);
                assertThat(back).isNotNegative();
                assertThat(p.values()[back]).isCloseTo(p.values()[c], within(1e-15));
            }
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void everyPointIsKeptAndNeighbourhoodsSurvive() {
        List<float[]> points = clustered(800);
        Layout layout = Tsne.layout(points, TsneParams.defaults().withIterations(300), ProgressListener.NONE);
        assertThat(layout.points()).isEqualTo(800);
        for (int i = 0; i < layout.points(); i++) {
            assertThat(Float.isFinite(layout.x()[i]) && Float.isFinite(layout.y()[i])).isTrue();
        }
        assertThat(Trustworthiness.of(points, layout, 15, Metric.COSINE, 800, 1)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void sameSeedSameLayout() {
        List<float[]> points = clustered(200);
        TsneParams params = TsneParams.defaults().withPerplexity(10).withIterations(50).withSeed(3);
        Layout one = Tsne.layout(points, params, ProgressListener.NONE);
        Layout two = Tsne.layout(points, params, ProgressListener.NONE);
        assertThat(one.x()).containsExactly(two.x());
    }

    @Test
    void aCancelledJobStopsInTheNeighbourGraph() {
        List<float[]> points = clustered(2000);
        var token = org.embex.progress.CancellationToken.none();
        token.cancel();
        List<Layout> snapshots = new ArrayList<>();
        LayoutWatch watch = new LayoutWatch(ProgressListener.NONE, token, snapshots::add, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tsne.layout(org.embex.vectors.VectorMatrix.of(points, points.get(0).length), TsneParams.defaults(), watch))
                .isInstanceOf(org.embex.progress.CancelledException.class);
        assertThat(snapshots).isEmpty();
    }
}
