package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.layout.Layout;

class PointGridTest {

    @Test
    void findsTheSamePointAsBruteForce() {
        Random random = new Random(3);
        int n = 20_000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            // Clumps and empty space, like a real map.
            x[i] = (float) (random.nextInt(5) * 10 + random.nextGaussian());
            y[i] = (float) (random.nextInt(3) * 10 + random.nextGaussian());
        }
        Layout layout = new Layout(x, y);
        PointGrid grid = new PointGrid(layout);
        BitSet hidden = new BitSet();
        for (int i = 0; i < n; i += 7) {
            hidden.set(i);
        }
        for (int q = 0; q < 500; q++) {
            double qx = random.nextDouble() * 50 - 3;
            double qy = random.nextDouble() * 30 - 3;
            double radius = random.nextDouble();
            assertThat(grid.nearest(qx, qy, radius, hidden)).isEqualTo(bruteForce(layout, qx, qy, radius, hidden));
        }
    }

    private static int bruteForce(Layout layout, double x, double y, double radius, BitSet hidden) {
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < layout.points(); i++) {
            double d = Math.pow(layout.x()[i] - x, 2) + Math.pow(layout.y()[i] - y, 2);
            if (!hidden.get(i) && d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
