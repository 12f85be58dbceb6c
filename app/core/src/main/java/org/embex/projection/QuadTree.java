package org.embex.projection;

/**
 * A Barnes-Hut quadtree over 2D points: each cell knows how many points it holds and their centre
 * of mass, so a far cell's pull can stand in for all of its points.
 */
final class QuadTree {

    private static final int MAX_DEPTH = 40;

    private final double centreX;
    private final double centreY;
    private final double halfWidth;
    private final int depth;
    private int count;
    private double massX;
    private double massY;
    private int point = -1;
    private QuadTree[] children;

    private QuadTree(double centreX, double centreY, double halfWidth, int depth) {
        this.centreX = centreX;
        this.centreY = centreY;
        this.halfWidth = halfWidth;
        this.depth = depth;
    }

    static QuadTree of(double[] y) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int n = y.length / 2;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double half = Math.max(maxX - minX, maxY - minY) / 2 + 1e-5;
        QuadTree root = new QuadTree((minX + maxX) / 2, (minY + maxY) / 2, half, 0);
        for (int i = 0; i < n; i++) {
            root.insert(i, y[2 * i], y[2 * i + 1]);
        }
        return root;
    }

    private void insert(int index, double x, double yy) {
        if (count == 0) {
            point = index;
            massX = x;
            massY = yy;
            count = 1;
            return;
        }
        if (children == null && depth < MAX_DEPTH) {
            // The cell's single point moves down; while alone its centre of mass is its position.
            children = new QuadTree[4];
            int moved = point;
            point = -1;
            child(massX, massY).insert(moved, massX, massY);
        }
        massX = (massX * count + x) / (count + 1);
        massY = (massY * count + yy) / (count + 1);
        count++;
        if (children != null) {
            child(x, yy).insert(index, x, yy);
        }
    }

    private QuadTree child(double x, double yy) {
        int quadrant = (x >= centreX ? 1 : 0) + (yy >= centreY ? 2 : 0);
        if (children[quadrant] == null) {
            double quarter = halfWidth / 2;
            children[quadrant] = new QuadTree(centreX + (x >= centreX ? quarter : -quarter),
                    centreY + (yy >= centreY ? quarter : -quarter), quarter, depth + 1);
        }
        return children[quadrant];
    }

    /**
     * Adds to {@code force} the repulsion of every point on point {@code i} at (x, y), as
     * Σ w² (y_i − y_j) with w = 1 / (1 + d²), and returns Σ w, both approximated by far cells.
     */
    double repulsion(int i, double x, double yy, double theta, double[] force) {
        if (count == 0 || (count == 1 && point == i)) {
            return 0;
        }
        double dx = x - massX;
        double dy = yy - massY;
        double d2 = dx * dx + dy * dy;
        boolean leaf = children == null;
        if (leaf || 2 * halfWidth < theta * Math.sqrt(d2)) {
            // Only a leaf can hold i: a cell around i is never far enough from it to be summarised.
            int others = point == i ? count - 1 : count;
            double w = 1 / (1 + d2);
            double weighted = others * w * w;
            force[0] += weighted * dx;
            force[1] += weighted * dy;
            return others * w;
        }
        double z = 0;
        for (QuadTree child : children) {
            if (child != null) {
                z += child.repulsion(i, x, yy, theta, force);
            }
        }
        return z;
    }
}
