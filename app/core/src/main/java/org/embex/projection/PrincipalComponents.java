package org.embex.projection;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The first two principal components of a set of vectors, by subspace iteration: repeatedly
 * multiplying two vectors by the centred data and its transpose and orthonormalising them. It
 * never forms the d × d covariance, so it costs O(n·d) a round.
 */
public final class PrincipalComponents {

    private static final int ROUNDS = 60;

    private PrincipalComponents() {
    }

    /** Every vector's coordinates on the first two components. */
    public static Layout project(List<float[]> vectors, long seed) {
        int n = vectors.size();
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / (double) n;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] basis = new double[2][d];
        for (double[] b : basis) {
            for (int j = 0; j < d; j++) {
                b[j] = random.nextDouble() - 0.5;
            }
        }
        orthonormalise(basis);
        double[][] scores = new double[2][n];
        for (int round = 0; round < ROUNDS; round++) {
            scores = scores(vectors, mean, basis);
            double[][] next = new double[2][d];
            for (int i = 0; i < n; i++) {
                float[] v = vectors.get(i);
                for (int c = 0; c < 2; c++) {
                    double s = scores[c][i];
                    for (int j = 0; j < d; j++) {
                        next[c][j] += s * (v[j] - mean[j]);
                    }
                }
            }
            basis = next;
            orthonormalise(basis);
        }
        scores = scores(vectors, mean, basis);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) scores[0][i];
            y[i] = (float) scores[1][i];
        }
        return new Layout(x, y);
    }

    private static double[][] scores(List<float[]> vectors, double[] mean, double[][] basis) {
        double[][] scores = new double[2][vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int j = 0; j < v.length; j++) {
                    s += (v[j] - mean[j]) * basis[c][j];
                }
                scores[c][i] = s;
            }
        }
        return scores;
    }

    /** Gram-Schmidt on the two rows; a row that vanishes stays zero. */
    private static void orthonormalise(double[][] basis) {
        normalise(basis[0]);
        double overlap = 0;
        for (int j = 0; j < basis[1].length; j++) {
            overlap += basis[0][j] * basis[1][j];
        }
        for (int j = 0; j < basis[1].length; j++) {
            basis[1][j] -= overlap * basis[0][j];
        }
        normalise(basis[1]);
    }

    private static void normalise(double[] v) {
        double norm = 0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= norm;
            }
        }
    }
}
