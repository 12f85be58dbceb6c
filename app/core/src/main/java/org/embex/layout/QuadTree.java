package org.embex.layout;

import java.util.Arrays;

/**
 * A Barnes-Hut quadtree over 2D points: each cell knows how many points it holds and their centre
 * of mass, so a far cell's pull can stand in for all of its points.
 *
 * <p>Built from the points sorted in Z order (Morton 1966): every cell of a quadtree is then one
 * run of that order, so the tree is found by splitting runs, without inserting points one by one,
 * and a cell of at most {@link #BUCKET} points stays a leaf that lists its run. Only cells that
 * hold points exist, each cell's children sit side by side, and cells are numbered parent before
 * children, so a walk reads a few kilobytes of flat arrays in order. Walking a pointer tree of one
 * point per leaf, rebuilt every iteration, was most of t-SNE's time.
 */
final class QuadTree {

    /** Z-order resolution per axis, and room for the point index below it in a sort key. */
    private static final int CELL_BITS = 20;
    private static final int INDEX_BITS = 23;
    /** A cell of at most this many points is a leaf: its points are summed one by one when it is near. */
    private static final int BUCKET = 8;
    private static final RepulsionKernel KERNEL = RepulsionKernel.best();

    private final int[] order;
    private final long[] keys;
    private final double rootWidth;
    private int used;
    private double[] massX;
    private double[] massY;
    private double[] count;
    private double[] widthSquared;
    private int[] firstChild;
    private int[] children;
    private int[] runStart;
    private int[] runEnd;

    private QuadTree(int points, double rootWidth) {
        this.order = new int[points];
        this.keys = new long[points];
        this.rootWidth = rootWidth;
        int capacity = Math.max(16, points / 2);
        massX = new double[capacity];
        massY = new double[capacity];
        count = new double[capacity];
        widthSquared = new double[capacity];
        firstChild = new int[capacity];
        children = new int[capacity];
        runStart = new int[capacity];
        runEnd = new int[capacity];
    }

    static QuadTree of(double[] y) {
        int n = y.length / 2;
        if (n >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("a quadtree holds fewer than " + (1 << INDEX_BITS) + " points, got " + n);
        }
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
        double width = Math.max(maxX - minX, maxY - minY) + 2e-5;
        QuadTree tree = new QuadTree(n, width);
        double left = (minX + maxX - width) / 2;
        double bottom = (minY + maxY - width) / 2;
        tree.sortByCell(y, left, bottom, width);
        int root = tree.allocate(1);
        tree.build(root, 0, n, 0, y);
        return tree;
    }

    /** Sorts the points by their Z-order cell at the finest level; ties keep the lower index first. */
    private void sortByCell(double[] y, double left, double bottom, double width) {
        int n = order.length;
        double scale = (1 << CELL_BITS) / width;
        for (int i = 0; i < n; i++) {
            long column = Math.min((1 << CELL_BITS) - 1, (long) ((y[2 * i] - left) * scale));
            long row = Math.min((1 << CELL_BITS) - 1, (long) ((y[2 * i + 1] - bottom) * scale));
            // The quadrant index is x + 2y at every level, so y's bits go above x's.
            keys[i] = ((spread(row) << 1 | spread(column)) << INDEX_BITS) | i;
        }
        if (n > 50_000) {
            Arrays.parallelSort(keys);
        } else {
            Arrays.sort(keys);
        }
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

    /** Reserves {@code cells} consecutive cells and returns the first. */
    private int allocate(int cells) {
        if (used + cells > count.length) {
            int capacity = Math.max(2 * count.length, used + cells);
            massX = Arrays.copyOf(massX, capacity);
            massY = Arrays.copyOf(massY, capacity);
            count = Arrays.copyOf(count, capacity);
            widthSquared = Arrays.copyOf(widthSquared, capacity);
            firstChild = Arrays.copyOf(firstChild, capacity);
            children = Arrays.copyOf(children, capacity);
            runStart = Arrays.copyOf(runStart, capacity);
            runEnd = Arrays.copyOf(runEnd, capacity);
        }
        int first = used;
        used += cells;
        return first;
    }

    /** Makes {@code cell} the cell of the run {@code order[from, to)} at {@code level}, with its subtree. */
    private void build(int cell, int from, int to, int level, double[] y) {
        double width = rootWidth / (1L << level);
        widthSquared[cell] = width * width;
        count[cell] = to - from;
        runStart[cell] = from;
        runEnd[cell] = to;
        if (to - from <= BUCKET || level == CELL_BITS) {
            double sumX = 0;
            double sumY = 0;
            for (int at = from; at < to; at++) {
                sumX += y[2 * order[at]];
                sumY += y[2 * order[at] + 1];
            }
            massX[cell] = sumX / (to - from);
            massY[cell] = sumY / (to - from);
            children[cell] = 0;
            return;
        }
        // The run splits where the two bits of this level's quadrant change.
        int shift = INDEX_BITS + 2 * (CELL_BITS - level - 1);
        int[] bounds = new int[5];
        bounds[0] = from;
        for (int quadrant = 1; quadrant < 4; quadrant++) {
            bounds[quadrant] = firstAtLeast(bounds[quadrant - 1], to, shift, quadrant);
        }
        bounds[4] = to;
        int occupied = 0;
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            occupied += bounds[quadrant + 1] > bounds[quadrant] ? 1 : 0;
        }
        int first = allocate(occupied);
        firstChild[cell] = first;
        children[cell] = occupied;
        int child = first;
        double sumX = 0;
        double sumY = 0;
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            if (bounds[quadrant + 1] > bounds[quadrant]) {
                build(child, bounds[quadrant], bounds[quadrant + 1], level + 1, y);
                sumX += massX[child] * count[child];
                sumY += massY[child] * count[child];
                child++;
            }
        }
        massX[cell] = sumX / (to - from);
        massY[cell] = sumY / (to - from);
    }

    /** The first position in {@code [from, to)} whose quadrant bits at {@code shift} are at least {@code quadrant}. */
    private int firstAtLeast(int from, int to, int shift, int quadrant) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if ((int) ((keys[middle] >>> shift) & 3) < quadrant) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The repulsion of every point on each point of {@code group} (points at {@code y}), as
     * Σ w² (y_i − y_j) with w = 1 / (1 + d²), into {@code forces[2i], forces[2i + 1]}, and Σ w into
     * {@code sums[i]}. The tree is walked once for the whole group: a cell counts as one point when
     * it is small for its distance to the group's bounding box (Barnes-Hut's test, taken at the
     * nearest a point of the group can be, so each point's sum is at least as accurate as its own
     * walk would give); a near leaf adds its points one by one. The entries so gathered are then
     * summed point by point in a loop without branches ({@link RepulsionKernel}). Groups are runs of
     * points in Z order, which lie close together.
     */
    void repulsion(int[] group, int from, int to, double[] y, double theta, double[] forces, double[] sums,
                   Interactions list) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int at = from; at < to; at++) {
            int i = group[at];
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double thetaSquared = theta * theta;
        list.clear();
        int[] stack = list.stack;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int cell = stack[--top];
            double cx = massX[cell];
            double cy = massY[cell];
            double gapX = Math.max(0, Math.max(minX - cx, cx - maxX));
            double gapY = Math.max(0, Math.max(minY - cy, cy - maxY));
            if (widthSquared[cell] < thetaSquared * (gapX * gapX + gapY * gapY)) {
                list.add(cx, cy, count[cell], -1);
            } else if (children[cell] == 0) {
                for (int at = runStart[cell]; at < runEnd[cell]; at++) {
                    int j = order[at];
                    list.add(y[2 * j], y[2 * j + 1], 1, j);
                }
            } else {
                for (int child = firstChild[cell] + children[cell] - 1; child >= firstChild[cell]; child--) {
                    stack[top++] = child;
                }
            }
        }
        double[] force = list.force;
        for (int at = from; at < to; at++) {
            int i = group[at];
            double x = y[2 * i];
            double yy = y[2 * i + 1];
            force[0] = 0;
            force[1] = 0;
            // i's own entry adds w = 1 and no force; it is taken off again below.
            double z = KERNEL.repel(x, yy, list.x, list.y, list.count, list.size, force);
            forces[2 * i] = force[0];
            forces[2 * i + 1] = force[1];
            sums[i] = z - (list.holds(i) ? 1 : 0);
        }
    }

    /** The far cells and near points one group of points interacts with; reused from group to group by one thread. */
    static final class Interactions {
        /** Depth-first, at most three waiting siblings per level. */
        private final int[] stack = new int[3 * (CELL_BITS + 1) + 4];
        private final double[] force = new double[2];
        private final int[] entryOf;
        private double[] x = new double[512];
        private double[] y = new double[512];
        private double[] count = new double[512];
        private int[] point = new int[512];
        private int size;

        /** For trees of {@code points} points. */
        Interactions(int points) {
            entryOf = new int[points];
        }

        void clear() {
            size = 0;
        }

        void add(double cx, double cy, double points, int single) {
            if (size == x.length) {
                x = Arrays.copyOf(x, 2 * size);
                y = Arrays.copyOf(y, 2 * size);
                count = Arrays.copyOf(count, 2 * size);
                point = Arrays.copyOf(point, 2 * size);
            }
            if (single >= 0) {
                entryOf[single] = size;
            }
            x[size] = cx;
            y[size] = cy;
            count[size] = points;
            point[size++] = single;
        }

        /** Whether point {@code i} is in this list on its own. */
        boolean holds(int i) {
            int entry = entryOf[i];
            return entry < size && point[entry] == i;
        }
    }
}
