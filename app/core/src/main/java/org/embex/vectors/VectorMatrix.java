package org.embex.vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Many vectors of one width in a single row-major {@code float[]}, with their norms, for exact
 * nearest-neighbour search: one pass over contiguous memory, a dot product per row, and cosine
 * and L2 derived from it and the stored norms.
 */
public final class VectorMatrix {

    private final int rows;
    private final int dims;
    private final float[] values;
    private final float[] norms;

    private VectorMatrix(int rows, int dims, float[] values) {
        this.rows = rows;
        this.dims = dims;
        this.values = values;
        this.norms = new float[rows];
        for (int row = 0; row < rows; row++) {
            norms[row] = (float) Math.sqrt(dot(values, row * dims, values, row * dims, dims));
        }
    }

    public static VectorMatrix of(List<float[]> vectors, int dims) {
        float[] values = new float[Math.multiplyExact(vectors.size(), dims)];
        for (int row = 0; row < vectors.size(); row++) {
            float[] vector = vectors.get(row);
            if (vector.length != dims) {
                throw new IllegalArgumentException("row " + row + " has " + vector.length + " values, expected " + dims);
            }
            System.arraycopy(vector, 0, values, row * dims, dims);
        }
        return new VectorMatrix(vectors.size(), dims, values);
    }

    public int rows() {
        return rows;
    }

    public int dims() {
        return dims;
    }

    public float[] row(int row) {
        float[] copy = new float[dims];
        System.arraycopy(values, row * dims, copy, 0, dims);
        return copy;
    }

    /** The {@code k} rows closest to {@code query} by {@code metric}, best first; ties keep the lower row first. */
    public List<Neighbour> topK(float[] query, int k, Metric metric) {
        if (query.length != dims) {
            throw new IllegalArgumentException("query has " + query.length + " values, expected " + dims);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        double queryNorm = Math.sqrt(dot(query, 0, query, 0, dims));
        Comparator<Neighbour> worstFirst = Comparator.comparingDouble(Neighbour::score)
                .thenComparing(Comparator.comparingInt(Neighbour::index).reversed());
        PriorityQueue<Neighbour> best = new PriorityQueue<>(k + 1, worstFirst);
        double threshold = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < rows; row++) {
            double score = switch (metric) {
                case DOT -> dot(values, row * dims, query, 0, dims);
                case COSINE -> norms[row] == 0 || queryNorm == 0 ? 0
                        : dot(values, row * dims, query, 0, dims) / (norms[row] * queryNorm);
                // Computed directly: from the norms, near neighbours would lose their digits to cancellation.
                case L2 -> -Math.sqrt(squaredDistance(values, row * dims, query, dims));
            };
            if (best.size() < k || score > threshold) {
                best.add(new Neighbour(row, score));
                if (best.size() > k) {
                    best.poll();
                }
                threshold = best.peek().score();
            }
        }
        List<Neighbour> result = new ArrayList<>(best);
        result.sort(worstFirst.reversed());
        return result;
    }

    private static double squaredDistance(float[] a, int aFrom, float[] b, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            float d0 = a[aFrom + i] - b[i];
            float d1 = a[aFrom + i + 1] - b[i + 1];
            float d2 = a[aFrom + i + 2] - b[i + 2];
            float d3 = a[aFrom + i + 3] - b[i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < length; i++) {
            float d = a[aFrom + i] - b[i];
            s0 += d * d;
        }
        return (double) s0 + s1 + s2 + s3;
    }

    /** Four independent sums let the JIT keep several multiply-adds in flight. */
    private static double dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < length; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return (double) s0 + s1 + s2 + s3;
    }
}
