package org.embex.neighbours;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * A random projection tree (Dasgupta and Freund 2008, as pynndescent seeds its searches): each
 * node splits its rows by the hyperplane halfway between two of them, picked at random, until a
 * leaf holds at most {@link #LEAF} rows. A query walks down to one leaf, whose rows are its likely
 * neighbours: rows very close to the query, such as near-duplicates, rarely fall on the other
 * side of a random hyperplane. A node keeps only its two rows, not a hyperplane of its own, so a
 * tree over a million rows takes a few megabytes.
 */
final class RandomProjectionTree {

    /** Rows a leaf holds at most, unless they cannot be told apart. */
    static final int LEAF = 48;
    /** Random pairs tried for a split before rows that none splits are left together. */
    private static final int ATTEMPTS = 8;

    private final VectorMatrix data;
    private final Metric metric;
    /** Per node: its two rows, or for a leaf −1 and the start of its rows in {@link #rows}. */
    private int[] left;
    private int[] right;
    private int[] firstChild;
    private int[] leafEnd;
    private int nodes;
    private final int[] rows;

    private RandomProjectionTree(VectorMatrix data, Metric metric) {
        this.data = data;
        this.metric = metric;
        int capacity = Math.max(16, 4 * data.rows() / LEAF);
        left = new int[capacity];
        right = new int[capacity];
        firstChild = new int[capacity];
        leafEnd = new int[capacity];
        rows = new int[data.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
    }

    static RandomProjectionTree build(VectorMatrix data, Metric metric, long seed) {
        RandomProjectionTree tree = new RandomProjectionTree(data, metric);
        SplittableRandom random = new SplittableRandom(seed);
        int root = tree.allocate(1);
        tree.split(root, 0, data.rows(), random);
        return tree;
    }

    private int allocate(int count) {
        if (nodes + count > left.length) {
            int capacity = 2 * left.length;
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            firstChild = Arrays.copyOf(firstChild, capacity);
            leafEnd = Arrays.copyOf(leafEnd, capacity);
        }
        int first = nodes;
        nodes += count;
        return first;
    }

    /** Makes {@code node} the node of {@code rows[from, to)}. */
    private void split(int node, int from, int to, SplittableRandom random) {
        if (to - from <= LEAF) {
            leaf(node, from, to);
            return;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int a = rows[from + random.nextInt(to - from)];
            int b = rows[from + random.nextInt(to - from)];
            int middle = partition(a, b, from, to);
            if (middle > from && middle < to) {
                left[node] = a;
                right[node] = b;
                int children = allocate(2);
                firstChild[node] = children;
                split(children, from, middle, random);
                split(children + 1, middle, to, random);
                return;
            }
        }
        // No pair splits these rows: they are copies of one vector, and any of them stands for all.
        leaf(node, from, to);
    }

    /**
     * Puts the rows on a's side first and returns where b's side begins. The hyperplane is made
     * once for the node, so each row costs one dot product rather than one with a and one with b
     * (the side is the same as {@link #side}'s, up to rounding for rows on the plane itself).
     */
    private int partition(int a, int b, int from, int to) {
        float[] normal = new float[data.dims()];
        float[] rowA = data.row(a);
        float[] rowB = data.row(b);
        double offset;
        if (metric == Metric.COSINE) {
            float scaleA = data.norm(a) == 0 ? 0 : 1 / data.norm(a);
            float scaleB = data.norm(b) == 0 ? 0 : 1 / data.norm(b);
            for (int j = 0; j < normal.length; j++) {
                normal[j] = rowA[j] * scaleA - rowB[j] * scaleB;
            }
            offset = 0;
        } else {
            for (int j = 0; j < normal.length; j++) {
                normal[j] = 2 * (rowA[j] - rowB[j]);
            }
            offset = (double) data.norm(a) * data.norm(a) - (double) data.norm(b) * data.norm(b);
        }
        int middle = from;
        for (int at = from; at < to; at++) {
            int row = rows[at];
            if (data.dot(row, normal) - offset >= 0) {
                rows[at] = rows[middle];
                rows[middle++] = row;
            }
        }
        return middle;
    }

    private void leaf(int node, int from, int to) {
        left[node] = -1;
        firstChild[node] = from;
        leafEnd[node] = to;
    }

    /**
     * Which side of the hyperplane halfway between rows {@code a} and {@code b} a vector lies on,
     * from its dot products with them: positive or zero for a's. For cosine the rows count as unit
     * vectors.
     */
    private double side(int a, int b, double dotA, double dotB) {
        if (metric == Metric.COSINE) {
            float normA = data.norm(a);
            float normB = data.norm(b);
            return (normA == 0 ? 0 : dotA / normA) - (normB == 0 ? 0 : dotB / normB);
        }
        double squaredA = (double) data.norm(a) * data.norm(a);
        double squaredB = (double) data.norm(b) * data.norm(b);
        return (2 * dotA - squaredA) - (2 * dotB - squaredB);
    }

    /** The memory the tree holds beyond the vectors: its node arrays as allocated and its rows in leaf order. */
    long bytes() {
        return 4L * ((long) left.length + right.length + firstChild.length + leafEnd.length + rows.length);
    }

    /** The rows of the leaf {@code query} falls in, at most {@link #LEAF} of them. */
    int[] leafOf(float[] query) {
        int node = 0;
        while (left[node] >= 0) {
            int a = left[node];
            int b = right[node];
            node = firstChild[node] + (side(a, b, data.dot(a, query), data.dot(b, query)) >= 0 ? 0 : 1);
        }
        return Arrays.copyOfRange(rows, firstChild[node], Math.min(leafEnd[node], firstChild[node] + LEAF));
    }
}
