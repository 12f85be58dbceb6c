package org.embex.layout;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.embex.vectors.VectorMatrix;

/**
 * The first two principal components of a set of vectors, by block subspace iteration (Halko,
 * Martinsson and Tropp 2011, algorithm 4.4): eight random directions are multiplied by the centred
 * data and its transpose and orthonormalised a few times, then the best two are picked inside
 * their span (Rayleigh-Ritz). Eight directions rather than two make the iteration converge in a
 * dozen rounds even where the data's leading variances are close, as they are in embeddings. It
 * never forms the d × d covariance; each round is one pass over the rows, in fixed row ranges whose
 * partial sums are added in order, so the result does not depend on the core count. Beyond
 * {@link #FIT_ROWS} rows the components are fitted on that many rows spread evenly through the
 * data (a million rows' leading directions are those of a hundred thousand of them, to far below
 * a pixel), and every row is then placed on them: a million vectors map in about a second.
 */
public final class PrincipalComponents {

    private static final int BLOCK = 8;
    private static final int ROUNDS = 12;
    private static final int RANGES = 16;
    /** Rows the components are fitted on at most. */
    static final int FIT_ROWS = 100_000;

    private PrincipalComponents() {
    }

    /** Every vector's coordinates on the first two components. */
    public static Layout project(List<float[]> vectors, long seed) {
        return project(VectorMatrix.of(vectors, vectors.get(0).length), seed);
    }

    /** Every row's coordinates on the first two components. */
    public static Layout project(VectorMatrix data, long seed) {
        int n = data.rows();
        int d = data.dims();
        int fitted = Math.min(n, FIT_ROWS);
        float[] mean = new float[d];
        for (int i = 0; i < fitted; i++) {
            data.addScaledRow(fitRow(i, n, fitted), 1f / fitted, mean);
        }
        int block = Math.min(BLOCK, d);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] basis = new double[block][d];
        for (double[] direction : basis) {
            for (int j = 0; j < d; j++) {
                direction[j] = random.nextGaussian();
            }
        }
        orthonormalise(basis);
        double[][] product = covarianceTimes(data, fitted, mean, basis);
        for (int round = 1; round < ROUNDS; round++) {
            basis = product;
            orthonormalise(basis);
            product = covarianceTimes(data, fitted, mean, basis);
        }
        // Rayleigh-Ritz: the basis's own covariance, whose leading eigenvectors point the way.
        double[][] small = new double[block][block];
        for (int p = 0; p < block; p++) {
            for (int q = 0; q < block; q++) {
                small[p][q] = dot(basis[p], product[q]);
            }
        }
        double[][] eigenvectors = SymmetricEigen.leading(small, 2);
        float[][] components = new float[2][d];
        for (int c = 0; c < 2; c++) {
            for (int p = 0; p < block; p++) {
                for (int j = 0; j < d; j++) {
                    components[c][j] += (float) (eigenvectors[c][p] * basis[p][j]);
                }
            }
        }
        float[] x = new float[n];
        float[] y = new float[n];
        float meanX = dot(mean, components[0]);
        float meanY = dot(mean, components[1]);
        IntStream.range(0, n).parallel().forEach(row -> {
            x[row] = data.dot(row, components[0]) - meanX;
            y[row] = data.dot(row, components[1]) - meanY;
        });
        return new Layout(x, y);
    }

    /** The {@code i}-th of {@code fitted} rows spread evenly over {@code rows}: every row when they are as many. */
    private static int fitRow(int i, int rows, int fitted) {
        return (int) ((long) i * rows / fitted);
    }

    /** (X − mean)ᵀ (X − mean) · basis over the {@code fitted} rows the components are fitted on, one pass. */
    private static double[][] covarianceTimes(VectorMatrix data, int fitted, float[] mean, double[][] basis) {
        int n = fitted;
        int rows = data.rows();
        int d = data.dims();
        int block = basis.length;
        float[][] directions = new float[block][d];
        float[] meanScores = new float[block];
        for (int p = 0; p < block; p++) {
            for (int j = 0; j < d; j++) {
                directions[p][j] = (float) basis[p][j];
            }
            meanScores[p] = dot(mean, directions[p]);
        }
        float[][][] partial = new float[RANGES][][];
        double[][] scoreSums = new double[RANGES][block];
        IntStream.range(0, RANGES).parallel().forEach(range -> {
            float[][] sums = new float[block][d];
            for (int i = (int) ((long) n * range / RANGES); i < (long) n * (range + 1) / RANGES; i++) {
                int row = fitRow(i, rows, n);
                for (int p = 0; p < block; p++) {
                    float score = data.dot(row, directions[p]) - meanScores[p];
                    data.addScaledRow(row, score, sums[p]);
                    scoreSums[range][p] += score;
                }
            }
            partial[range] = sums;
        });
        // Σ s·(x − mean) = Σ s·x − (Σ s)·mean, the ranges added in order.
        double[][] product = new double[block][d];
        for (int range = 0; range < RANGES; range++) {
            for (int p = 0; p < block; p++) {
                for (int j = 0; j < d; j++) {
                    product[p][j] += partial[range][p][j] - scoreSums[range][p] * mean[j];
                }
            }
        }
        return product;
    }

    /** Modified Gram-Schmidt on the rows; a row that vanishes stays zero. */
    private static void orthonormalise(double[][] basis) {
        for (int p = 0; p < basis.length; p++) {
            for (int q = 0; q < p; q++) {
                double overlap = dot(basis[q], basis[p]);
                for (int j = 0; j < basis[p].length; j++) {
                    basis[p][j] -= overlap * basis[q][j];
                }
            }
            double norm = Math.sqrt(dot(basis[p], basis[p]));
            if (norm > 0) {
                for (int j = 0; j < basis[p].length; j++) {
                    basis[p][j] /= norm;
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static float dot(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (double) a[j] * b[j];
        }
        return (float) sum;
    }
}
