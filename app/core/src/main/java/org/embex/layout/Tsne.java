package org.embex.layout;

import java.util.List;
import java.util.stream.IntStream;

import org.embex.neighbours.KnnGraph;
import org.embex.neighbours.NeighbourGraphs;
import org.embex.progress.ProgressListener;
import org.embex.vectors.VectorMatrix;

/**
 * Barnes-Hut t-SNE (van der Maaten 2014) with openTSNE's schedule: affinities calibrated to the
 * perplexity on the 3·perplexity nearest neighbours ({@link NeighbourGraphs}: exact up to about
 * 63,000 points), symmetrised; PCA start scaled to a standard deviation of 1e-4; 250 iterations
 * with early exaggeration and momentum 0.5, then the rest with momentum 0.8; learning rate
 * max(200, n / 12) in openTSNE's units; delta-bar-delta gains. Repulsion comes from a quadtree,
 * O(n log n) per iteration (decision record 0010); the forces on the points are computed in
 * parallel, each independently, so the result does not depend on the number of cores.
 */
public final class Tsne {

    private static final int BISECTIONS = 100;
    private static final double PERPLEXITY_TOLERANCE = 1e-5;
    private static final double MIN_GAIN = 0.01;
    /**
     * Points that walk the quadtree together ({@link QuadTree#repulsion}). Measured on 10,000
     * points: 16 → 6.5 s of repulsion, 32 → 5.6 s, 64 → 6.8 s (more entries per point).
     */
    private static final int GROUP = 32;

    private Tsne() {
    }

    public static Layout layout(List<float[]> vectors, TsneParams params, ProgressListener listener) {
        return layout(VectorMatrix.of(vectors, vectors.get(0).length), params, LayoutWatch.of(listener));
    }

    public static Layout layout(VectorMatrix data, TsneParams params, LayoutWatch watch) {
        int n = data.rows();
        if (n < 4 || neighbours(n, params) < 2) {
            return PrincipalComponents.project(data, params.seed());
        }
        return layout(data, neighbourGraph(data, params, watch.checkpoints()), params, watch);
    }

    /** The neighbour graph t-SNE's affinities come from: each point's 3 × perplexity nearest others. */
    public static KnnGraph neighbourGraph(VectorMatrix data, TsneParams params, ProgressListener listener) {
        return NeighbourGraphs.build(data, neighbours(data.rows(), params), params.metric(), params.seed(), listener);
    }

    private static int neighbours(int points, TsneParams params) {
        return (int) Math.min(points - 1, Math.ceil(3 * params.perplexity()));
    }

    /** The layout from a neighbour graph built by {@link #neighbourGraph}. */
    public static Layout layout(VectorMatrix data, KnnGraph knn, TsneParams params, LayoutWatch watch) {
        SparseAffinities p = affinities(knn, params.perplexity());
        double[] y = start(PrincipalComponents.project(data, params.seed()));
        optimise(y, p, params, watch);
        return toLayout(y);
    }

    private static Layout toLayout(double[] y) {
        int n = y.length / 2;
        float[] x = new float[n];
        float[] yy = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) y[2 * i];
            yy[i] = (float) y[2 * i + 1];
        }
        return new Layout(x, yy);
    }

    /**
     * Symmetric affinities p_ij = (p_j|i + p_i|j) / 2n as a sparse matrix, row by row: row i's
     * columns and values are {@code columns[rowStarts[i] .. rowStarts[i + 1])}, columns ascending.
     */
    record SparseAffinities(int[] rowStarts, int[] columns, double[] values) {
    }

    static SparseAffinities affinities(KnnGraph knn, double perplexity) {
        int n = knn.points();
        int k = knn.k();
        double target = Math.log(perplexity);
        // Each row holds its own k conditionals and those of the points that list it.
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] += k;
            for (int other : knn.neighbours()[i]) {
                sizes[other]++;
            }
        }
        int[] starts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            starts[i + 1] = starts[i] + sizes[i];
        }
        int[] fill = java.util.Arrays.copyOf(starts, n);
        int[] columns = new int[starts[n]];
        double[] values = new double[starts[n]];
        for (int i = 0; i < n; i++) {
            float[] distances = knn.distances()[i];
            double[] squared = new double[distances.length];
            for (int j = 0; j < distances.length; j++) {
                squared[j] = (double) distances[j] * distances[j];
            }
            double[] conditional = conditional(squared, target);
            for (int j = 0; j < conditional.length; j++) {
                int other = knn.neighbours()[i][j];
                double half = conditional[j] / (2.0 * n);
                columns[fill[i]] = other;
                values[fill[i]++] = half;
                columns[fill[other]] = i;
                values[fill[other]++] = half;
            }
        }
        return merged(starts, columns, values);
    }

    /** Sorts each row by column and adds up the values of a column listed twice. */
    private static SparseAffinities merged(int[] starts, int[] columns, double[] values) {
        int n = starts.length - 1;
        int[] rowStarts = new int[n + 1];
        int[] outColumns = new int[columns.length];
        double[] outValues = new double[values.length];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int from = starts[i];
            long[] keyed = new long[starts[i + 1] - from];
            for (int e = 0; e < keyed.length; e++) {
                keyed[e] = ((long) columns[from + e] << 32) | e;
            }
            java.util.Arrays.sort(keyed);
            rowStarts[i] = size;
            for (long key : keyed) {
                int column = (int) (key >>> 32);
                double value = values[from + (int) key];
                if (size > rowStarts[i] && outColumns[size - 1] == column) {
                    outValues[size - 1] += value;
                } else {
                    outColumns[size] = column;
                    outValues[size++] = value;
                }
            }
        }
        rowStarts[n] = size;
        return new SparseAffinities(rowStarts, java.util.Arrays.copyOf(outColumns, size), java.util.Arrays.copyOf(outValues, size));
    }

    /** p_j|i ∝ exp(−β d²) with β found by bisection so the entropy is log(perplexity). */
    private static double[] conditional(double[] squared, double targetEntropy) {
        double beta = 1;
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        double[] p = new double[squared.length];
        double minimum = java.util.Arrays.stream(squared).min().orElse(0);
        for (int step = 0; step < BISECTIONS; step++) {
            double sum = 0;
            for (int j = 0; j < squared.length; j++) {
                p[j] = Math.exp(-beta * (squared[j] - minimum));
                sum += p[j];
            }
            double entropy = 0;
            for (int j = 0; j < squared.length; j++) {
                p[j] /= sum;
                entropy += p[j] > 0 ? -p[j] * Math.log(p[j]) : 0;
            }
            double difference = entropy - targetEntropy;
            if (Math.abs(difference) < PERPLEXITY_TOLERANCE) {
                break;
            }
            if (difference > 0) {
                low = beta;
                beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
            } else {
                high = beta;
                beta = low == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + low) / 2;
            }
        }
        return p;
    }

    /** PCA coordinates scaled to a standard deviation of 1e-4 on the first axis (openTSNE's start). */
    private static double[] start(Layout pca) {
        int n = pca.points();
        double variance = 0;
        for (int i = 0; i < n; i++) {
            variance += (double) pca.x()[i] * pca.x()[i] / n;
        }
        double scale = variance > 0 ? 1e-4 / Math.sqrt(variance) : 1;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = pca.x()[i] * scale;
            y[2 * i + 1] = pca.y()[i] * scale;
        }
        return y;
    }

    private static void optimise(double[] y, SparseAffinities p, TsneParams params, LayoutWatch watch) {
        int n = y.length / 2;
        double learningRate = Math.max(200, n / 12.0);
        double[] update = new double[y.length];
        double[] gains = new double[y.length];
        java.util.Arrays.fill(gains, 1);
        double[] gradient = new double[y.length];
        int total = TsneParams.EARLY_ITERATIONS + params.iterations();
        for (int iteration = 0; iteration < total; iteration++) {
            boolean early = iteration < TsneParams.EARLY_ITERATIONS;
            if (iteration == TsneParams.EARLY_ITERATIONS) {
                // The main phase is a second run of gradient descent, as in scikit-learn: momentum and
                // gains start afresh. On 10,000 MiniLM vectors, trustworthiness 0.9475; carrying both
                // over 0.9448; a fresh momentum but the gains kept (openTSNE) 0.9442.
                java.util.Arrays.fill(update, 0);
                java.util.Arrays.fill(gains, 1);
            }
            double exaggeration = early ? params.exaggeration() : 1;
            double momentum = early ? 0.5 : 0.8;
            gradient(y, p, exaggeration, params.theta(), gradient);
            for (int d = 0; d < y.length; d++) {
                boolean sameSign = Math.signum(gradient[d]) == Math.signum(update[d]);
                gains[d] = Math.max(MIN_GAIN, sameSign ? gains[d] * 0.8 : gains[d] + 0.2);
                update[d] = momentum * update[d] - learningRate * gains[d] * gradient[d];
                y[d] += update[d];
            }
            recentre(y);
            watch.step(iteration + 1, total, () -> toLayout(y));
        }
    }

    /**
     * ∂KL/∂y_i / 4 = exaggeration · Σ_j p_ij w_ij (y_i − y_j) − Σ_j w_ij² (y_i − y_j) / Z: without the
     * factor 4, as openTSNE, FIt-SNE and bhtsne define it, so that the learning rate n / 12 means
     * what it means there (scikit-learn keeps the 4 and asks n / 48 for the same step). With the 4
     * the steps were four times larger: trustworthiness 0.9435 instead of 0.9448 on 10,000 MiniLM
     * vectors.
     */
    private static void gradient(double[] y, SparseAffinities p, double exaggeration, double theta, double[] gradient) {
        int n = y.length / 2;
        QuadTree tree = QuadTree.of(y);
        int[] order = tree.order();
        double[] repulsion = new double[y.length];
        double[] zParts = new double[n];
        // Each point's forces are independent of the others' and of the threads; sums are taken in
        // point order afterwards. Runs of points in the tree's leaf order share one walk.
        int groups = (n + GROUP - 1) / GROUP;
        int groupChunks = Math.max(1, Math.min(groups / 4, 256));
        IntStream.range(0, groupChunks).parallel().forEach(chunk -> {
            QuadTree.Interactions list = new QuadTree.Interactions(n);
            for (int g = (int) ((long) groups * chunk / groupChunks); g < (long) groups * (chunk + 1) / groupChunks; g++) {
                tree.repulsion(order, g * GROUP, Math.min(n, (g + 1) * GROUP), y, theta, repulsion, zParts, list);
            }
        });
        double z = 0;
        for (double part : zParts) {
            z += part;
        }
        double normaliser = z;
        int chunks = Math.max(1, Math.min(n / 256, 256));
        int[] rowStarts = p.rowStarts();
        int[] columns = p.columns();
        double[] values = p.values();
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            for (int i = (int) ((long) n * chunk / chunks); i < (long) n * (chunk + 1) / chunks; i++) {
                double ax = 0;
                double ay = 0;
                double xi = y[2 * i];
                double yi = y[2 * i + 1];
                for (int c = rowStarts[i]; c < rowStarts[i + 1]; c++) {
                    int j = columns[c];
                    double dx = xi - y[2 * j];
                    double dy = yi - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    ax += values[c] * w * dx;
                    ay += values[c] * w * dy;
                }
                gradient[2 * i] = exaggeration * ax - repulsion[2 * i] / normaliser;
                gradient[2 * i + 1] = exaggeration * ay - repulsion[2 * i + 1] / normaliser;
            }
        });
    }

    private static void recentre(double[] y) {
        int n = y.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i] / n;
            my += y[2 * i + 1] / n;
        }
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }
}
