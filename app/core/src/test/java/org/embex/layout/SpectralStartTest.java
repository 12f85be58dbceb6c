package org.embex.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpectralStartTest {

    private static final int BLOB = 20;

    /**
     * Cliques of {@link #BLOB} points in a chain, both directions of every edge listed by head;
     * {@code bridge} joins each clique's first point to the next clique's, or nothing when 0.
     */
    private static FuzzyGraph cliques(int count, float bridge) {
        List<int[]> edges = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int i = 0; i < count * BLOB; i++) {
            for (int j = 0; j < count * BLOB; j++) {
                boolean sameClique = i != j && i / BLOB == j / BLOB;
                boolean bridged = bridge > 0 && i % BLOB == 0 && j % BLOB == 0 && Math.abs(i - j) == BLOB;
                if (sameClique || bridged) {
                    edges.add(new int[] {i, j});
                    weights.add(sameClique ? 1f : bridge);
                }
            }
        }
        int[] heads = new int[edges.size()];
        int[] tails = new int[edges.size()];
        float[] w = new float[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            heads[e] = edges.get(e)[0];
            tails[e] = edges.get(e)[1];
            w[e] = weights.get(e);
        }
        return new FuzzyGraph(heads, tails, w);
    }

    /** A PCA start that does not tell the cliques apart: every point on one circle, the cliques interleaved. */
    private static float[] mixedPca(int count) {
        float[] pca = new float[2 * count * BLOB];
        for (int i = 0; i < count * BLOB; i++) {
            double angle = 2 * Math.PI * ((i % BLOB) * count + i / BLOB) / (count * BLOB);
            pca[2 * i] = (float) (10 * Math.cos(angle));
            pca[2 * i + 1] = (float) (10 * Math.sin(angle));
        }
        return pca;
    }

    private static double[] centre(float[] coordinates, int from) {
        double[] centre = new double[2];
        for (int i = from; i < from + BLOB; i++) {
            centre[0] += coordinates[2 * i] / BLOB;
            centre[1] += coordinates[2 * i + 1] / BLOB;
        }
        return centre;
    }

    private static double widest(float[] coordinates, int from, double[] centre) {
        double widest = 0;
        for (int i = from; i < from + BLOB; i++) {
            widest = Math.max(widest, Math.hypot(coordinates[2 * i] - centre[0], coordinates[2 * i + 1] - centre[1]));
        }
        return widest;
    }

    @Test
    void groupsJoinedByWeakEdgesStartApartWhereThePcaStartMixedThem() {
        float[] start = SpectralStart.of(cliques(3, 0.01f), mixedPca(3), 7);
        for (int p = 0; p < 3; p++) {
            double[] own = centre(start, p * BLOB);
            double[] next = centre(start, (p + 1) % 3 * BLOB);
            double apart = Math.hypot(own[0] - next[0], own[1] - next[1]);
            assertThat(apart).as("clique %d from the next", p).isGreaterThan(10 * widest(start, p * BLOB, own));
        }
        for (float value : start) {
            assertThat(Math.abs(value)).isLessThanOrEqualTo(10.001f);
        }
    }

    @Test
    void piecesOfADisconnectedGraphEachGetASpreadAroundTheirOwnPcaCentre() {
        float[] pca = new float[4 * BLOB];
        for (int i = 0; i < 2 * BLOB; i++) {
            pca[2 * i] = i < BLOB ? -8 + i * 0.01f : 8 + i * 0.01f;
            pca[2 * i + 1] = (i % 2) * 0.5f;
        }
        float[] start = SpectralStart.of(cliques(2, 0), pca, 7);
        double[] a = centre(start, 0);
        double[] b = centre(start, BLOB);
        assertThat(a[0]).isLessThan(b[0]);
        assertThat(widest(start, 0, a)).isGreaterThan(0.01);
        assertThat(widest(start, BLOB, b)).isGreaterThan(0.01);
    }

    @Test
    void theSameSeedGivesTheSameStart() {
        assertThat(SpectralStart.of(cliques(3, 0.01f), mixedPca(3), 3)).containsExactly(SpectralStart.of(cliques(3, 0.01f), mixedPca(3), 3));
    }
}
