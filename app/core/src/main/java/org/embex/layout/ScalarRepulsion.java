package org.embex.layout;

/** {@link RepulsionKernel} in plain Java, for a JVM without the vector API. */
final class ScalarRepulsion implements RepulsionKernel {

    @Override
    public double repel(double x, double y, double[] ex, double[] ey, double[] count, int size, double[] force) {
        return repel(x, y, ex, ey, count, 0, size, force);
    }

    /** {@link #repel} over entries {@code from .. size} only: also the tail a SIMD loop leaves. */
    static double repel(double x, double y, double[] ex, double[] ey, double[] count, int from, int size, double[] force) {
        double z = 0;
        double fx = 0;
        double fy = 0;
        for (int e = from; e < size; e++) {
            double dx = x - ex[e];
            double dy = y - ey[e];
            double w = 1 / (1 + dx * dx + dy * dy);
            double weighted = count[e] * w;
            z += weighted;
            fx += weighted * w * dx;
            fy += weighted * w * dy;
        }
        force[0] += fx;
        force[1] += fy;
        return z;
    }
}
