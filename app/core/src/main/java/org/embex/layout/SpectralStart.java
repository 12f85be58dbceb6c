package org.embex.layout;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * UMAP's spectral start, as umap-learn and uwot begin: the two eigenvectors of the fuzzy graph's
 * normalised Laplacian {@code I − D^−½ W D^−½} with the smallest non-zero eigenvalues, which put
 * strongly joined points close and weakly joined groups apart before the first epoch. Found by
 * orthogonal iteration on {@code (I + D^−½ W D^−½) / 2}, whose leading eigenvectors they are, with
 * the trivial one ({@code √degree}) projected out of each connected component: each round costs
 * one pass over the edges, so a hundred thousand points take a fraction of a second per round.
 *
 * <p>A graph in several pieces has no spectral layout that places the pieces; as umap-learn does,
 * each piece gets its own, centred where the PCA start puts the piece's points, and sized by its
 * share of the points. Pieces of fewer than {@value #SMALLEST} points keep their PCA places.
 */
final class SpectralStart {

    /** Rounds of orthogonal iteration: the start needs the eigenvectors' shape, not their digits. */
    static final int ROUNDS = 200;
    private static final int SMALLEST = 8;
    private static final float SCALE = 10f;
    /** umap-learn adds this much noise to its spectral start, so that no two points start at one place. */
    private static final double NOISE = 1e-4;

    private SpectralStart() {
    }

    /** Starting coordinates, x and y of each point in turn, within ±10; {@code pca} is the PCA start at the same scale. */
    static float[] of(FuzzyGraph graph, float[] pca, long seed) {
        int n = pca.length / 2;
        int[] rowStarts = rowStarts(graph, n);
        double[] scale = new double[n];
        double[] trivial = new double[n];
        for (int i = 0; i < n; i++) {
            double degree = 0;
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++) {
                degree += graph.weights()[e];
            }
            scale[i] = degree > 0 ? 1 / Math.sqrt(degree) : 0;
            trivial[i] = Math.sqrt(degree);
        }
        int[] component = components(graph, n);
        int pieces = 0;
        for (int c : component) {
            pieces = Math.max(pieces, c + 1);
        }
        int[] sizes = new int[pieces];
        for (int c : component) {
            sizes[c]++;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[2][n];
        for (double[] column : columns) {
            for (int i = 0; i < n; i++) {
                column[i] = random.nextDouble() - 0.5;
            }
        }
        Pieces byPiece = new Pieces(component, pieces);
        byPiece.orthonormalise(columns, trivial);
        double[][] next = new double[2][n];
        for (int round = 0; round < ROUNDS; round++) {
            for (int d = 0; d < 2; d++) {
                double[] in = columns[d];
                double[] out = next[d];
                IntStream.range(0, n).parallel().forEach(i -> {
                    double sum = 0;
                    for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++) {
                        int j = graph.tails()[e];
                        sum += graph.weights()[e] * scale[j] * in[j];
                    }
                    out[i] = (in[i] + scale[i] * sum) / 2;
                });
            }
            double[][] swap = columns;
            columns = next;
            next = swap;
            byPiece.orthonormalise(columns, trivial);
        }
        return place(columns, component, sizes, pca, random);
    }

    /** Each piece's spectral coordinates, sized by its share of the points and centred on its points' PCA centre; then all within ±10. */
    private static float[] place(double[][] columns, int[] component, int[] sizes, float[] pca, SplittableRandom random) {
        int n = component.length;
        int pieces = sizes.length;
        double[][] centre = new double[pieces][2];
        double[] extent = new double[pieces];
        for (int i = 0; i < n; i++) {
            int c = component[i];
            centre[c][0] += pca[2 * i] / sizes[c];
            centre[c][1] += pca[2 * i + 1] / sizes[c];
            extent[c] = Math.max(extent[c], Math.max(Math.abs(columns[0][i]), Math.abs(columns[1][i])));
        }
        boolean whole = pieces == 1;
        float[] coordinates = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int c = component[i];
            if (sizes[c] < SMALLEST || extent[c] == 0) {
                coordinates[2 * i] = pca[2 * i];
                coordinates[2 * i + 1] = pca[2 * i + 1];
                continue;
            }
            double radius = SCALE * Math.sqrt((double) sizes[c] / n);
            for (int d = 0; d < 2; d++) {
                double own = columns[d][i] / extent[c] * radius;
                coordinates[2 * i + d] = (float) (whole ? own : centre[c][d] + own);
            }
        }
        float largest = 0;
        for (float value : coordinates) {
            largest = Math.max(largest, Math.abs(value));
        }
        float factor = largest == 0 ? 1 : SCALE / largest;
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = (float) (coordinates[i] * factor + random.nextGaussian() * NOISE);
        }
        return coordinates;
    }

    private static int[] rowStarts(FuzzyGraph graph, int n) {
        int[] starts = new int[n + 1];
        for (int head : graph.heads()) {
            starts[head + 1]++;
        }
        for (int i = 0; i < n; i++) {
            starts[i + 1] += starts[i];
        }
        return starts;
    }

    /** Each point's connected component, numbered densely from 0 in order of first point. */
    private static int[] components(FuzzyGraph graph, int n) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < graph.heads().length; e++) {
            int a = root(parent, graph.heads()[e]);
            int b = root(parent, graph.tails()[e]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] dense = new int[n];
        java.util.Arrays.fill(dense, -1);
        int[] component = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (dense[r] < 0) {
                dense[r] = count++;
            }
            component[i] = dense[r];
        }
        return component;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Gram–Schmidt within each piece: the operator never mixes pieces, so each is its own problem. */
    private static final class Pieces {
        private final int[] component;
        private final int count;

        Pieces(int[] component, int count) {
            this.component = component;
            this.count = count;
        }

        /** Makes each column orthogonal, within each piece, to the trivial vector and to the columns before it, and of unit length. */
        void orthonormalise(double[][] columns, double[] trivial) {
            double[] trivialNorm = sums(trivial, trivial);
            for (int d = 0; d < columns.length; d++) {
                subtract(columns[d], trivial, sums(columns[d], trivial), trivialNorm);
                for (int earlier = 0; earlier < d; earlier++) {
                    subtract(columns[d], columns[earlier], sums(columns[d], columns[earlier]), null);
                }
                double[] norms = sums(columns[d], columns[d]);
                double[] column = columns[d];
                for (int i = 0; i < column.length; i++) {
                    double norm = norms[component[i]];
                    column[i] = norm > 0 ? column[i] / Math.sqrt(norm) : 0;
                }
            }
        }

        /** Per piece, the sum of a[i]·b[i] over its points. */
        private double[] sums(double[] a, double[] b) {
            double[] sums = new double[count];
            for (int i = 0; i < a.length; i++) {
                sums[component[i]] += a[i] * b[i];
            }
            return sums;
        }

        /** column −= (projection / norm) · along, per piece; a null norm means {@code along} has unit length in each piece. */
        private void subtract(double[] column, double[] along, double[] projections, double[] norms) {
            for (int i = 0; i < column.length; i++) {
                int c = component[i];
                double norm = norms == null ? 1 : norms[c];
                if (norm > 0) {
                    column[i] -= projections[c] / norm * along[i];
                }
            }
        }
    }
}
