package org.embex.desktop.map;

/**
 * How far apart two colours look, to a reader with normal vision or one of the three common
 * dichromacies: sRGB to CIELAB (D65), differences by CIEDE2000 (Sharma, Wu and Dalal 2005), and
 * protanopia, deuteranopia and tritanopia simulated by Machado, Oliveira and Fernandes's matrices
 * (2009, severity 1) on linear RGB.
 */
final class ColourVision {

    /** Normal vision, then the three dichromacies. */
    static final String[] VISIONS = {"normal", "protan", "deutan", "tritan"};

    private static final double[][][] SIMULATIONS = {
        {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
        {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
        {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
    };

    private ColourVision() {
    }

    /** CIEDE2000 between {@code a} and {@code b} (0xRRGGBB) as {@code VISIONS[vision]} sees them. */
    static double difference(int a, int b, int vision) {
        return ciede2000(lab(a, vision), lab(b, vision));
    }

    /** The smallest difference over every vision. */
    static double leastDifference(int a, int b) {
        double least = Double.POSITIVE_INFINITY;
        for (int vision = 0; vision < VISIONS.length; vision++) {
            least = Math.min(least, difference(a, b, vision));
        }
        return least;
    }

    private static double[] lab(int rgb, int vision) {
        double[] linear = {linear(rgb >> 16 & 0xFF), linear(rgb >> 8 & 0xFF), linear(rgb & 0xFF)};
        if (vision > 0) {
            double[][] m = SIMULATIONS[vision - 1];
            double[] seen = new double[3];
            for (int i = 0; i < 3; i++) {
                seen[i] = Math.min(1, Math.max(0, m[i][0] * linear[0] + m[i][1] * linear[1] + m[i][2] * linear[2]));
            }
            linear = seen;
        }
        double x = (0.4124564 * linear[0] + 0.3575761 * linear[1] + 0.1804375 * linear[2]) / 0.95047;
        double y = 0.2126729 * linear[0] + 0.7151522 * linear[1] + 0.0721750 * linear[2];
        double z = (0.0193339 * linear[0] + 0.1191920 * linear[1] + 0.9503041 * linear[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double ciede2000(double[] one, double[] two) {
        double c1 = Math.hypot(one[1], one[2]);
        double c2 = Math.hypot(two[1], two[2]);
        double cMean7 = Math.pow((c1 + c2) / 2, 7);
        double g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + Math.pow(25, 7))));
        double a1 = (1 + g) * one[1];
        double a2 = (1 + g) * two[1];
        double c1p = Math.hypot(a1, one[2]);
        double c2p = Math.hypot(a2, two[2]);
        double h1 = hue(one[2], a1);
        double h2 = hue(two[2], a2);
        double dL = two[0] - one[0];
        double dC = c2p - c1p;
        double dh = 0;
        if (c1p * c2p != 0) {
            dh = h2 - h1;
            dh = dh > 180 ? dh - 360 : dh < -180 ? dh + 360 : dh;
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lMean = (one[0] + two[0]) / 2;
        double cMean = (c1p + c2p) / 2;
        double hMean = h1 + h2;
        if (c1p * c2p != 0) {
            hMean = Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hMean - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hMean))
                + 0.32 * Math.cos(Math.toRadians(3 * hMean + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hMean - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hMean - 275) / 25, 2));
        double cMeanP7 = Math.pow(cMean, 7);
        double rc = 2 * Math.sqrt(cMeanP7 / (cMeanP7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lMean - 50, 2) / Math.sqrt(20 + Math.pow(lMean - 50, 2));
        double sc = 1 + 0.045 * cMean;
        double sh = 1 + 0.015 * cMean * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dL / sl, 2) + Math.pow(dC / sc, 2) + Math.pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }

    private static double hue(double b, double a) {
        double degrees = Math.toDegrees(Math.atan2(b, a));
        return degrees < 0 ? degrees + 360 : degrees;
    }
}
