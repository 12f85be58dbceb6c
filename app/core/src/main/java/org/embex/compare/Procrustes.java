package org.embex.compare;

import org.embex.layout.Layout;

/**
 * Moves one map onto another: the rotation (or reflection), uniform scale and shift that bring
 * each point of {@code moving} closest to the same row in {@code reference}, in least squares
 * (orthogonal Procrustes; Schönemann 1966). Maps of two models then put the same texts in
 * similar places, so the eye compares neighbourhoods, not arbitrary orientations.
 */
public final class Procrustes {

    private Procrustes() {
    }

    public static Layout align(Layout reference, Layout moving) {
        int n = reference.points();
        if (moving.points() != n) {
            throw new IllegalArgumentException("maps of " + n + " and " + moving.points() + " points cannot be aligned");
        }
        double[] refMean = mean(reference);
        double[] movMean = mean(moving);
        // The 2×2 cross-covariance M = Σ (moving − mean)ᵀ (reference − mean).
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        double movingNorm = 0;
        for (int i = 0; i < n; i++) {
            double mx = moving.x()[i] - movMean[0];
            double my = moving.y()[i] - movMean[1];
            double rx = reference.x()[i] - refMean[0];
            double ry = reference.y()[i] - refMean[1];
            a += mx * rx;
            b += mx * ry;
            c += my * rx;
            d += my * ry;
            movingNorm += mx * mx + my * my;
        }
        // In 2D the best orthogonal map is a rotation by θ or a reflection followed by one; each has
        // a closed form, and the one with the larger trace of R·M wins.
        double rotationTrace = Math.hypot(a + d, c - b);
        double reflectionTrace = Math.hypot(a - d, b + c);
        boolean reflect = reflectionTrace > rotationTrace;
        double theta = reflect ? Math.atan2(b + c, a - d) : Math.atan2(b - c, a + d);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double scale = movingNorm == 0 ? 1 : Math.max(rotationTrace, reflectionTrace) / movingNorm;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double mx = moving.x()[i] - movMean[0];
            double my = moving.y()[i] - movMean[1];
            double px;
            double py;
            if (reflect) {
                px = cos * mx + sin * my;
                py = sin * mx - cos * my;
            } else {
                px = cos * mx - sin * my;
                py = sin * mx + cos * my;
            }
            x[i] = (float) (refMean[0] + scale * px);
            y[i] = (float) (refMean[1] + scale * py);
        }
        return new Layout(x, y);
    }

    private static double[] mean(Layout layout) {
        double x = 0;
        double y = 0;
        for (int i = 0; i < layout.points(); i++) {
            x += layout.x()[i];
            y += layout.y()[i];
        }
        return new double[] {x / layout.points(), y / layout.points()};
    }
}
