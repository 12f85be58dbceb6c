package org.embex.desktop.map;

import java.util.Arrays;
import java.util.BitSet;

import org.embex.layout.Layout;

/**
 * A uniform grid over a layout's points, so that finding the point under the pointer looks at a
 * few cells instead of a million points. Built once per layout in O(n), about four points a cell.
 */
public final class PointGrid {

    private final Layout layout;
    private final double minX;
    private final double minY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] members;

    public PointGrid(Layout layout) {
        this.layout = layout;
        int n = layout.points();
        float loX = Float.POSITIVE_INFINITY;
        float hiX = Float.NEGATIVE_INFINITY;
        float loY = Float.POSITIVE_INFINITY;
        float hiY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            loX = Math.min(loX, layout.x()[i]);
            hiX = Math.max(hiX, layout.x()[i]);
            loY = Math.min(loY, layout.y()[i]);
            hiY = Math.max(hiY, layout.y()[i]);
        }
        if (n == 0) {
            loX = hiX = loY = hiY = 0;
        }
        double spanX = Math.max(hiX - loX, 1e-9);
        double spanY = Math.max(hiY - loY, 1e-9);
        double cells = Math.max(1, n / 4.0);
        cellSize = Math.max(Math.sqrt(spanX * spanY / cells), Math.max(spanX, spanY) / 4096);
        minX = loX;
        minY = loY;
        columns = (int) Math.min(4096, Math.floor(spanX / cellSize) + 1);
        rows = (int) Math.min(4096, Math.floor(spanY / cellSize) + 1);
        cellStart = new int[columns * rows + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cell(layout.x()[i], layout.y()[i]);
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        members = new int[n];
        int[] fill = Arrays.copyOf(cellStart, cellStart.length - 1);
        for (int i = 0; i < n; i++) {
            members[fill[cellOf[i]]++] = i;
        }
    }

    /** Every point once, cell by cell along rows of cells: neighbours on the map stay neighbours in the order. */
    public int[] drawingOrder() {
        return members;
    }

    /** Where each row of cells starts in {@link #drawingOrder()}, and where the last one ends. */
    int[] rowStarts() {
        int[] starts = new int[rows + 1];
        for (int row = 0; row <= rows; row++) {
            starts[row] = cellStart[row * columns];
        }
        return starts;
    }

    /** The row of cells that holds world height {@code y}, clamped as points are. */
    int rowOf(double y) {
        return clamp((int) Math.floor((y - minY) / cellSize), rows);
    }

    private int cell(double x, double y) {
        int column = clamp((int) ((x - minX) / cellSize), columns);
        int row = clamp((int) ((y - minY) / cellSize), rows);
        return row * columns + column;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    /**
     * The visible point nearest to world point ({@code x}, {@code y}) within {@code radius} world
     * units, or −1 when there is none.
     */
    public int nearest(double x, double y, double radius, BitSet hidden) {
        int fromColumn = clamp((int) Math.floor((x - radius - minX) / cellSize), columns);
        int toColumn = clamp((int) Math.floor((x + radius - minX) / cellSize), columns);
        int fromRow = clamp((int) Math.floor((y - radius - minY) / cellSize), rows);
        int toRow = clamp((int) Math.floor((y + radius - minY) / cellSize), rows);
        long cellsToScan = (long) (toColumn - fromColumn + 1) * (toRow - fromRow + 1);
        if (cellsToScan > 250_000) {
            return -1;
        }
        int best = -1;
        double bestDistance = radius * radius;
        for (int row = fromRow; row <= toRow; row++) {
            for (int column = fromColumn; column <= toColumn; column++) {
                int c = row * columns + column;
                for (int m = cellStart[c]; m < cellStart[c + 1]; m++) {
                    int i = members[m];
                    if (hidden.get(i)) {
                        continue;
                    }
                    double dx = layout.x()[i] - x;
                    double dy = layout.y()[i] - y;
                    double d = dx * dx + dy * dy;
                    if (d <= bestDistance) {
                        bestDistance = d;
                        best = i;
                    }
                }
            }
        }
        return best;
    }
}
