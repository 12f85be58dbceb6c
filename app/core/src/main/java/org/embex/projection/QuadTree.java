package org.embex.projection;

import java.util.Arrays;

/**
 * A Barnes-Hut quadtree over 2D points: each cell knows how many points it holds and their centre
 * of mass, so a far cell's pull can stand in for all of its points.
 *
 * <p>Cells live in flat arrays, not objects: a cell's four children sit side by side, and the
 * numbers a traversal reads (centre of mass, squared width, count) sit together in one
 * {@code double[]}. Building a tree of a million objects every iteration and chasing their
 * pointers was most of t-SNE's time. {@link #order()} lists the points leaf by leaf (Z order), so
 * that points taken in that order walk nearly the same cells one after another.
 */
final class QuadTree {

    private static final int MAX_DEPTH = 40;
    /** Per cell: centre of mass x, y; squared width; point count. */
    private static final int STRIDE = 4;
    /** Z-order resolution per axis, and room for the point index below it in a sort key. */
    private static final int CELL_BITS = 20;
    private static final int INDEX_BITS = 23;

    private double[] cells;
    private int[] firstChild;
    private int[] point;
    private double[] centres;
    private int used;
    private final int[] order;

    private QuadTree(int points) {
        int capacity = Math.max(16, 2 * points);
        cells = new double[capacity * STRIDE];
        firstChild = new int[capacity];
        point = new int[capacity];
        centres = new double[capacity * 3];
        order = new int[points];
    }

    static QuadTree of(double[] y) {
        int n = y.length / 2;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        QuadTree tree = new QuadTree(n);
        double half = Math.max(maxX - minX, maxY - minY) / 2 + 1e-5;
        double centreX = (minX + maxX) / 2;
        double centreY = (minY + maxY) / 2;
        tree.add(centreX, centreY, half);
        tree.sortByCell(y, centreX - half, centreY - half, 2 * half);
        for (int i : tree.order) {
            tree.insert(i, y[2 * i], y[2 * i + 1]);
        }
        return tree;
    }

    /**
     * Puts the points in Z order (Morton 1966): the order of the quadtree's leaves, so that
     * consecutive inserts, and later consecutive walks, touch the same cells.
     */
    private void sortByCell(double[] y, double left, double bottom, double width) {
        int n = order.length;
        if (n >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("a quadtree holds fewer than " + (1 << INDEX_BITS) + " points, got " + n);
        }
        long[] keys = new long[n];
        double scale = (1 << CELL_BITS) / width;
        for (int i = 0; i < n; i++) {
            long column = Math.min((1 << CELL_BITS) - 1, (long) ((y[2 * i] - left) * scale));
            long row = Math.min((1 << CELL_BITS) - 1, (long) ((y[2 * i + 1] - bottom) * scale));
            // The quadrant index is x + 2y at every level, so y's bits go above x's.
            keys[i] = ((spread(row) << 1 | spread(column)) << INDEX_BITS) | i;
        }
        java.util.Arrays.sort(keys);
        for (int at = 0; at < n; at++) {
            order[at] = (int) (keys[at] & ((1 << INDEX_BITS) - 1));
        }
    }

    /** The bits of a 20-bit number moved to the even positions of a 40-bit one. */
    private static long spread(long value) {
        long v = value;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }

    /** The points in Z order: leaf by leaf, depth first. */
    int[] order() {
        return order;
    }

    private int add(double centreX, double centreY, double halfWidth) {
        if (used == firstChild.length) {
            int capacity = 2 * used;
            cells = Arrays.copyOf(cells, capacity * STRIDE);
            firstChild = Arrays.copyOf(firstChild, capacity);
            point = Arrays.copyOf(point, capacity);
            centres = Arrays.copyOf(centres, capacity * 3);
        }
        int cell = used++;
        centres[3 * cell] = centreX;
        centres[3 * cell + 1] = centreY;
        centres[3 * cell + 2] = halfWidth;
        cells[STRIDE * cell + 2] = 4 * halfWidth * halfWidth;
        firstChild[cell] = -1;
        point[cell] = -1;
        return cell;
    }

    private void insert(int index, double x, double yy) {
        int cell = 0;
        for (int depth = 0; ; depth++) {
            int at = STRIDE * cell;
            double count = cells[at + 3];
            if (count == 0) {
                point[cell] = index;
                cells[at] = x;
                cells[at + 1] = yy;
                cells[at + 3] = 1;
                return;
            }
            if (firstChild[cell] < 0 && depth < MAX_DEPTH) {
                split(cell);
            }
            cells[at] = (cells[at] * count + x) / (count + 1);
            cells[at + 1] = (cells[at + 1] * count + yy) / (count + 1);
            cells[at + 3] = count + 1;
            if (firstChild[cell] < 0) {
                return;
            }
            cell = child(cell, x, yy);
        }
    }

    /** Gives a leaf four children and moves its single point down; alone, its centre of mass is its place. */
    private void split(int cell) {
        double centreX = centres[3 * cell];
        double centreY = centres[3 * cell + 1];
        double quarter = centres[3 * cell + 2] / 2;
        int first = add(centreX - quarter, centreY - quarter, quarter);
        add(centreX + quarter, centreY - quarter, quarter);
        add(centreX - quarter, centreY + quarter, quarter);
        add(centreX + quarter, centreY + quarter, quarter);
        firstChild[cell] = first;
        double x = cells[STRIDE * cell];
        double yy = cells[STRIDE * cell + 1];
        int moved = child(cell, x, yy);
        point[moved] = point[cell];
        point[cell] = -1;
        cells[STRIDE * moved] = x;
        cells[STRIDE * moved + 1] = yy;
        cells[STRIDE * moved + 3] = 1;
    }

    private int child(int cell, double x, double yy) {
        return firstChild[cell] + (x >= centres[3 * cell] ? 1 : 0) + (yy >= centres[3 * cell + 1] ? 2 : 0);
    }

    /**
     * Adds to {@code force} the repulsion of every point on point {@code i} at (x, y), as
     * Σ w² (y_i − y_j) with w = 1 / (1 + d²), and returns Σ w, both approximated by far cells.
     * {@code stack} needs room for 3 · 40 + 4 cells.
     */
    double repulsion(int i, double x, double yy, double theta, double[] force, int[] stack) {
        double thetaSquared = theta * theta;
        double z = 0;
        double fx = 0;
        double fy = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int cell = stack[--top];
            int at = STRIDE * cell;
            double count = cells[at + 3];
            if (count == 0) {
                continue;
            }
            boolean leaf = firstChild[cell] < 0;
            if (leaf && count == 1 && point[cell] == i) {
                continue;
            }
            double dx = x - cells[at];
            double dy = yy - cells[at + 1];
            double d2 = dx * dx + dy * dy;
            if (leaf || cells[at + 2] < thetaSquared * d2) {
                // Only a leaf can hold i: a cell around i is never far enough from it to be summarised.
                double others = point[cell] == i ? count - 1 : count;
                double w = 1 / (1 + d2);
                double weighted = others * w * w;
                fx += weighted * dx;
                fy += weighted * dy;
                z += others * w;
            } else {
                int first = firstChild[cell];
                stack[top++] = first + 3;
                stack[top++] = first + 2;
                stack[top++] = first + 1;
                stack[top++] = first;
            }
        }
        force[0] += fx;
        force[1] += fy;
        return z;
    }

    static int[] stack() {
        return new int[3 * MAX_DEPTH + 8];
    }
}
