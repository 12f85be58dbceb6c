package org.embex.vectors;

import java.util.Locale;

import org.embex.BadInputException;

/**
 * How two vectors compare. {@link #score} is oriented so that larger always means closer, which
 * lets one ranking serve all three: L2 scores are negated distances.
 */
public enum Metric {
    COSINE,
    DOT,
    L2;

    public static Metric parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown metric '" + name + "', expected cosine, dot or l2");
        }
    }

    public double score(float[] a, float[] b) {
        return switch (this) {
            case COSINE -> cosine(a, b);
            case DOT -> dot(a, b);
            case L2 -> -l2(a, b);
        };
    }

    /** Scales {@code vector} to unit length in place and returns it; a zero vector stays zero rather than turning to NaN. */
    public static float[] normalize(float[] vector) {
        normalize(vector, 0, vector.length);
        return vector;
    }

    /** Scales the {@code length} values from {@code from} to unit length in place; zeros stay zeros. */
    public static void normalize(float[] values, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) values[i] * values[i];
        }
        if (sum == 0) {
            return;
        }
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int i = from; i < from + length; i++) {
            values[i] *= scale;
        }
    }

    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        double norms = Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b));
        return norms == 0 ? 0 : dot(a, b) / norms;
    }

    /** Euclidean distance. */
    public static double l2(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
    }
}
