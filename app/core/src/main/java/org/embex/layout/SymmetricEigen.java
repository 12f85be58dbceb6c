package org.embex.layout;

/**
 * Eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan,
 * section 8.5): plenty for the 8 × 8 matrices of {@link PrincipalComponents}, and exact to
 * rounding where power iteration would need many rounds.
 */
final class SymmetricEigen {

    private static final int SWEEPS = 50;

    private SymmetricEigen() {
    }

    /** The eigenvectors of the {@code count} largest eigenvalues, largest first, as rows. */
    static double[][] leading(double[][] matrix, int count) {
        int size = matrix.length;
        double[][] a = new double[size][];
        double[][] v = new double[size][size];
        for (int i = 0; i < size; i++) {
            a[i] = matrix[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < SWEEPS && offDiagonal(a) > 1e-22 * diagonal(a); sweep++) {
            for (int p = 0; p < size - 1; p++) {
                for (int q = p + 1; q < size; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[][] leading = new double[count][size];
        for (int c = 0; c < count; c++) {
            for (int i = 0; i < size; i++) {
                leading[c][i] = v[i][order[c]];
            }
        }
        return leading;
    }

    /** Zeroes a[p][q] by a rotation in the (p, q) plane, applied to a on both sides and to v's columns. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int size = a.length;
        for (int k = 0; k < size; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < size; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < size; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += i == j ? 0 : a[i][j] * a[i][j];
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i] * a[i][i];
        }
        return sum;
    }
}
