package org.embex.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class QuadTreeTest {

    /** 3,000 points in a few blobs of different spread, a handful of them on the same spot. */
    private static double[] points() {
        Random random = new Random(11);
        int n = 3000;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int blob = i % 5;
            y[2 * i] = blob * 7 + random.nextGaussian() * (blob + 1);
            y[2 * i + 1] = (blob % 2) * 9 + random.nextGaussian() * (blob + 1);
        }
        for (int i = 100; i < 105; i++) {
            y[2 * i] = y[2 * 99];
            y[2 * i + 1] = y[2 * 99 + 1];
        }
        return y;
    }

    /** Σ_j w² (y_i − y_j) and Σ_j w over every other point, with w = 1 / (1 + d²). */
    private static double[] exact(double[] y, int i) {
        double fx = 0;
        double fy = 0;
        double z = 0;
        for (int j = 0; j < y.length / 2; j++) {
            if (j != i) {
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                fx += w * w * dx;
                fy += w * w * dy;
                z += w;
            }
        }
        return new double[] {fx, fy, z};
    }

    private static double[][] grouped(double[] y, double theta) {
        int n = y.length / 2;
        QuadTree tree = QuadTree.of(y);
        double[] forces = new double[2 * n];
        double[] sums = new double[n];
        QuadTree.Interactions list = new QuadTree.Interactions(n);
        for (int from = 0; from < n; from += 32) {
            tree.repulsion(tree.order(), from, Math.min(n, from + 32), y, theta, forces, sums, list);
        }
        return new double[][] {forces, sums};
    }

    @Test
    void orderListsEveryPointOnce() {
        double[] y = points();
        assertThat(QuadTree.of(y).order()).hasSize(3000).doesNotHaveDuplicates();
    }

    @Test
    void withThetaZeroTheSumsAreExact() {
        double[] y = points();
        double[][] tree = grouped(y, 0);
        for (int i = 0; i < 3000; i += 7) {
            double[] truth = exact(y, i);
            assertThat(tree[0][2 * i]).as("fx of %d", i).isCloseTo(truth[0], within(1e-9));
            assertThat(tree[0][2 * i + 1]).as("fy of %d", i).isCloseTo(truth[1], within(1e-9));
            assertThat(tree[1][i]).as("z of %d", i).isCloseTo(truth[2], within(1e-9));
        }
    }

    @Test
    void barnesHutAtThetaHalfStaysCloseToTheExactSums() {
        double[] y = points();
        double[][] tree = grouped(y, 0.5);
        double forceError = 0;
        double forceNorm = 0;
        double zTotal = 0;
        double zExact = 0;
        for (int i = 0; i < 3000; i++) {
            double[] truth = exact(y, i);
            forceError += Math.hypot(tree[0][2 * i] - truth[0], tree[0][2 * i + 1] - truth[1]);
            forceNorm += Math.hypot(truth[0], truth[1]);
            zTotal += tree[1][i];
            zExact += truth[2];
        }
        assertThat(forceError / forceNorm).isLessThan(0.02);
        assertThat(zTotal / zExact).isCloseTo(1.0, within(0.005));
    }

    @Test
    void simdAndPlainKernelsAgree() {
        Random random = new Random(3);
        int size = 293;
        double[] ex = new double[size];
        double[] ey = new double[size];
        double[] count = new double[size];
        for (int e = 0; e < size; e++) {
            ex[e] = random.nextGaussian() * 5;
            ey[e] = random.nextGaussian() * 5;
            count[e] = 1 + random.nextInt(20);
        }
        double[] simd = new double[2];
        double[] plain = new double[2];
        double zSimd = new SimdRepulsion().repel(0.3, -0.2, ex, ey, count, size, simd);
        double zPlain = new ScalarRepulsion().repel(0.3, -0.2, ex, ey, count, size, plain);
        assertThat(zSimd).isCloseTo(zPlain, within(1e-12 * zPlain));
        assertThat(simd[0]).isCloseTo(plain[0], within(1e-12));
        assertThat(simd[1]).isCloseTo(plain[1], within(1e-12));
    }
}
