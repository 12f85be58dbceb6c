package org.embex.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

class UmapTest {

    /** 1,200 points around 12 centres in 32 dimensions. */
    private static List<float[]> clustered() {
        Random random = new Random(4);
        float[][] centres = new float[12][32];
        for (float[] centre : centres) {
            for (int j = 0; j < 32; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            float[] centre = centres[i % centres.length];
            float[] p = new float[32];
            for (int j = 0; j < 32; j++) {
                p[j] = centre[j] + (float) (random.nextGaussian() * 0.25);
            }
            points.add(p);
        }
        return points;
    }

    @Test
    void curveParametersMatchUmapLearnsForTheDefaults() {
        // umap-learn's find_ab_params(1.0, 0.1): a = 1.5769, b = 0.8951
        UmapCurve curve = UmapCurve.fit(0.1, 1.0);
        assertThat(curve.a()).isCloseTo(1.577, within(0.01));
        assertThat(curve.b()).isCloseTo(0.895, within(0.01));
    }

    @Test
    void everyPointIsKeptAndNeighbourhoodsSurvive() {
        List<float[]> points = clustered();
        Layout layout = Umap.layout(points, UmapParams.defaults().withEpochs(200), ProgressListener.NONE);
        assertThat(layout.points()).isEqualTo(points.size());
        for (int i = 0; i < layout.points(); i++) {
            assertThat(Float.isFinite(layout.x()[i]) && Float.isFinite(layout.y()[i])).isTrue();
        }
        assertThat(Trustworthiness.of(points, layout, 15, Metric.COSINE, 1200, 1)).isGreaterThanOrEqualTo(0.9);
    }

    /**
     * Twenty random points per edge, more than the room a step's batch of due edges starts with:
     * the room grows, every point stays on the map and the clusters stay apart.
     */
    @Test
    void manyRandomPointsPerEdgeStillGiveAFaithfulMap() {
        List<float[]> points = clustered();
        UmapParams d = UmapParams.defaults();
        UmapParams params = new UmapParams(d.neighbours(), d.minDist(), d.spread(), d.metric(), 100, 20, d.repulsion(), 5, d.start());
        Layout layout = Umap.layout(points, params, ProgressListener.NONE);
        for (int i = 0; i < layout.points(); i++) {
            assertThat(Float.isFinite(layout.x()[i]) && Float.isFinite(layout.y()[i])).isTrue();
        }
        assertThat(Trustworthiness.of(points, layout, 15, Metric.COSINE, 1200, 1)).isGreaterThanOrEqualTo(0.9);
    }

    /**
     * The default pushes twice as hard as umap-learn's (γ = 2): points spread within their clusters,
     * and each keeps more of its true neighbours in the map.
     */
    @Test
    void theDefaultRepulsionSpreadsClustersAndKeepsMoreNeighbours() {
        List<float[]> points = clustered();
        UmapParams strong = UmapParams.defaults().withEpochs(200);
        UmapParams umapLearns = strong.withRepulsion(1);
        assertThat(strong.repulsion()).isEqualTo(2);
        Layout spread = Umap.layout(points, strong, ProgressListener.NONE);
        Layout tight = Umap.layout(points, umapLearns, ProgressListener.NONE);
        double stronger = Trustworthiness.of(points, spread, 15, Metric.COSINE, 1200, 1);
        double weaker = Trustworthiness.of(points, tight, 15, Metric.COSINE, 1200, 1);
        assertThat(meanNearest(spread)).isGreaterThan(1.2 * meanNearest(tight));
        assertThat(stronger).isGreaterThan(weaker);
    }

    @Test
    void aRepulsionOfZeroOrLessIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UmapParams.defaults().withRepulsion(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repulsion");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UmapParams.defaults().withRepulsion(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The mean distance from each point to its nearest other point on the map. */
    private static double meanNearest(Layout layout) {
        double sum = 0;
        for (int i = 0; i < layout.points(); i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < layout.points(); j++) {
                if (j != i) {
                    double dx = layout.x()[i] - layout.x()[j];
                    double dy = layout.y()[i] - layout.y()[j];
                    nearest = Math.min(nearest, dx * dx + dy * dy);
                }
            }
            sum += Math.sqrt(nearest);
        }
        return sum / layout.points();
    }

    @Test
    void sameSeedSameLayout() {
        List<float[]> points = clustered().subList(0, 400);
        UmapParams params = UmapParams.defaults().withEpochs(50).withSeed(9);
        Layout one = Umap.layout(points, params, ProgressListener.NONE);
        Layout two = Umap.layout(points, params, ProgressListener.NONE);
        assertThat(one.x()).containsExactly(two.x());
        assertThat(one.y()).containsExactly(two.y());
    }

    @Test
    void oneThreadGivesTheSameLayoutAsMany() throws Exception {
        List<float[]> points = clustered().subList(0, 600);
        UmapParams params = UmapParams.defaults().withEpochs(60).withSeed(3);
        Layout many = Umap.layout(points, params, ProgressListener.NONE);
        java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
        try {
            Layout one = single.submit(() -> Umap.layout(points, params, ProgressListener.NONE)).get();
            assertThat(one.x()).containsExactly(many.x());
            assertThat(one.y()).containsExactly(many.y());
        } finally {
            single.shutdown();
        }
    }

    @Test
    void layoutFormsInSnapshotsAndStopsWhenCancelled() {
        List<float[]> points = clustered().subList(0, 300);
        var data = org.embex.vectors.VectorMatrix.of(points, 32);
        UmapParams params = UmapParams.defaults().withEpochs(100);
        var knn = Umap.neighbourGraph(data, params, ProgressListener.NONE);
        List<Layout> snapshots = new ArrayList<>();
        Umap.layout(points, knn, params,
                new LayoutWatch(ProgressListener.NONE, org.embex.progress.CancellationToken.none(), snapshots::add, 25));
        assertThat(snapshots).hasSize(4);
        assertThat(snapshots.get(0).x()).isNotEqualTo(snapshots.get(3).x());

        var token = org.embex.progress.CancellationToken.none();
        int[] epochsRun = {0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Umap.layout(points, knn, params,
                new LayoutWatch((done, total) -> {
                    epochsRun[0] = (int) done;
                    if (done == 10) {
                        token.cancel();
                    }
                }, token, layout -> { }, Integer.MAX_VALUE)))
                .isInstanceOf(org.embex.progress.CancelledException.class);
        assertThat(epochsRun[0]).isEqualTo(10);
    }

    @Test
    void pcaSeparatesTheTwoMainDirections() {
        List<float[]> points = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            float[] p = new float[8];
            p[0] = (float) (random.nextGaussian() * 10);
            p[1] = (float) (random.nextGaussian() * 3);
            for (int j = 2; j < 8; j++) {
                p[j] = (float) (random.nextGaussian() * 0.1);
            }
            points.add(p);
        }
        Layout layout = PrincipalComponents.project(points, 1);
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < 500; i++) {
            varianceX += layout.x()[i] * layout.x()[i] / 500;
            varianceY += layout.y()[i] * layout.y()[i] / 500;
        }
        assertThat(Math.sqrt(varianceX)).isCloseTo(10, within(1.0));
        assertThat(Math.sqrt(varianceY)).isCloseTo(3, within(0.4));
    }
}
