package org.embex.desktop.map;

import java.util.BitSet;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Where points pile up, as a heat map drawn under them: when a hundred thousand points overplot,
 * the eye sees one blot, and the density tells a crowd of thousands from a thin scatter. Visible
 * points are counted in cells of {@link #CELL} pixels, the counts smoothed by three box blurs (close
 * to a Gaussian; the way Embedding Atlas and datashader-style maps shade), and each cell tinted on
 * the score scale with an opacity that grows with its density, on a logarithmic scale so that a
 * dense core does not wash out the rest. Points fade where they crowd, so that together they cover
 * at most half of a pixel and the density shows; where they are few each keeps its opacity. It needs only the points' positions, so it works for any map, including one
 * read from a file with x and y alone.
 */
public final class DensityLayer {

    /** The map turns density on by itself from this many points: there a point is about a pixel and overplots. */
    public static final int ON_FROM = 50_000;
    /** Pixels per side of a cell: fine enough to follow a cluster's shape, coarse enough to count a million points in milliseconds. */
    static final int CELL = 4;
    /** Cells each box blur reaches to either side; three passes make a bell about 10 pixels wide. */
    private static final int BLUR = 2;
    /** The most a cell covers the background. */
    private static final double MAX_OPACITY = 0.85;
    /** How much of a pixel the points crowding it may cover together: the density shows through the rest. */
    private static final double POINTS_COVER = 0.5;

    /** The tint for each of 256 density levels: colour in the low 24 bits, opacity (0–255) in the high 8. */
    private static final int[] TINT = new int[256];

    static {
        for (int level = 0; level < TINT.length; level++) {
            double t = level / 255.0;
            int alpha = t <= 0.02 ? 0 : (int) Math.round(255 * MAX_OPACITY * Math.min(1, t * 1.4));
            TINT[level] = alpha << 24 | Palette.score(t);
        }
    }

    private DensityLayer() {
    }

    /**
     * The colour a pixel of each density level takes over {@code background}: the map's background
     * is one colour, so the tint is blended 256 times a frame rather than once per pixel.
     */
    public static int[] shades(int background) {
        int[] shades = new int[TINT.length];
        for (int level = 0; level < shades.length; level++) {
            int tint = TINT[level];
            int alpha = tint >>> 24;
            int keep = 255 - alpha;
            int r = PointRenderer.div255(((tint >> 16) & 0xFF) * alpha + ((background >> 16) & 0xFF) * keep);
            int g = PointRenderer.div255(((tint >> 8) & 0xFF) * alpha + ((background >> 8) & 0xFF) * keep);
            int b = PointRenderer.div255((tint & 0xFF) * alpha + (background & 0xFF) * keep);
            shades[level] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return shades;
    }

    /** Whether a map of {@code points} opens with density on. */
    public static boolean onByDefault(int points) {
        return points >= ON_FROM;
    }

    /** The smoothed density of the visible points, per cell of the view, scaled to 0–1 (log). */
    static Heat heat(Viewport view, DrawList points) {
        int columns = (view.width() + CELL - 1) / CELL;
        int rows = (view.height() + CELL - 1) / CELL;
        float[] x = points.x();
        float[] y = points.y();
        BitSet hidden = points.hidden();
        boolean anyHidden = !hidden.isEmpty();
        float scale = (float) view.scale();
        float offsetX = (float) (view.width() / 2.0 - view.centreX() * view.scale());
        float offsetY = (float) (view.height() / 2.0 + view.centreY() * view.scale());
        int from = points.from(view.worldY(view.height()));
        int to = points.to(view.worldY(0));
        // Each core counts a share of the points into its own grid; the grids are added (sums do not depend on the split).
        int parts = to - from < 50_000 ? 1 : Runtime.getRuntime().availableProcessors();
        float[][] partCounts = new float[parts][];
        IntStream.range(0, parts).parallel().forEach(part -> {
            float[] mine = new float[columns * rows];
            for (int k = from + (int) ((long) (to - from) * part / parts); k < from + (int) ((long) (to - from) * (part + 1) / parts); k++) {
                float fx = offsetX + x[k] * scale;
                float fy = offsetY - y[k] * scale;
                if (fx < 0 || fy < 0 || fx >= view.width() || fy >= view.height() || (anyHidden && hidden.get(k))) {
                    continue;
                }
                mine[(int) (fy / CELL) * columns + (int) (fx / CELL)]++;
            }
            partCounts[part] = mine;
        });
        float[] counts = partCounts[0];
        for (int part = 1; part < parts; part++) {
            for (int c = 0; c < counts.length; c++) {
                counts[c] += partCounts[part][c];
            }
        }
        float[] spare = new float[counts.length];
        for (int pass = 0; pass < 3; pass++) {
            blur(counts, spare, columns, rows, 1, columns);
            blur(spare, counts, rows, columns, columns, 1);
        }
        float max = 0;
        for (float count : counts) {
            max = Math.max(max, count);
        }
        // Levels on a log scale, found among 256 precomputed bounds rather than by a logarithm per cell.
        double top = Math.log1p(max);
        float[] bounds = new float[256];
        for (int level = 0; level < bounds.length; level++) {
            bounds[level] = (float) Math.expm1(top * level / 255.0);
        }
        float[] shade = new float[counts.length];
        // Cells are independent: rows of them on every core (a frame at a million points waits on these loops).
        perRow(rows, row -> {
            for (int c = row * columns; c < (row + 1) * columns; c++) {
                float count = counts[c];
                if (count > 0 && top > 0) {
                    int low = 0;
                    int high = 255;
                    while (low < high) {
                        int middle = (low + high + 1) >>> 1;
                        if (bounds[middle] <= count) {
                            low = middle;
                        } else {
                            high = middle - 1;
                        }
                    }
                    shade[c] = low / 255f;
                }
                counts[c] = count / (CELL * CELL);
            }
        });
        return new Heat(shade, counts, columns);
    }

    /** Runs {@code work} for each of {@code rows} rows of cells, in parallel blocks of rows. */
    private static void perRow(int rows, IntConsumer work) {
        int blocks = Math.min(rows, Runtime.getRuntime().availableProcessors() * 2);
        IntStream.range(0, blocks).parallel().forEach(block -> {
            for (int row = rows * block / blocks; row < rows * (block + 1) / blocks; row++) {
                work.accept(row);
            }
        });
    }

    /**
     * One box blur along lines of {@code length} cells: line {@code l} starts at {@code l · lineStep}
     * and its cells are {@code cellStep} apart (rows, then columns, with the same code).
     */
    private static void blur(float[] from, float[] to, int length, int lines, int cellStep, int lineStep) {
        float width = 2 * BLUR + 1;
        for (int line = 0; line < lines; line++) {
            int start = line * lineStep;
            float sum = 0;
            for (int i = -BLUR; i <= BLUR; i++) {
                sum += i >= 0 && i < length ? from[start + i * cellStep] : 0;
            }
            for (int i = 0; i < length; i++) {
                to[start + i * cellStep] = sum / width;
                int leaving = i - BLUR;
                int entering = i + BLUR + 1;
                sum -= leaving >= 0 ? from[start + leaving * cellStep] : 0;
                sum += entering < length ? from[start + entering * cellStep] : 0;
            }
        }
    }

    /**
     * A view's density, per cell.
     *
     * @param cells    0–1, on a log scale, for the tint
     * @param perPixel points per pixel, smoothed, for how much each point may cover
     */
    record Heat(float[] cells, float[] perPixel, int columns) {

        /**
         * Each cell's point opacity in 256ths of the point style's: whole where points are few;
         * where {@code m} of them overlap a pixel, low enough that together they cover no more than
         * {@link #POINTS_COVER} of it (1 − (1 − a)^m), so the crowd's density shows. Worked out once
         * a frame, per cell, not per point.
         *
         * @param area    the pixels one point covers
         * @param opacity the point style's opacity
         */
        int[] fades(double area, double opacity) {
            int[] fades = new int[perPixel.length];
            double logUncovered = Math.log(1 - POINTS_COVER);
            perRow(perPixel.length / columns, row -> {
                for (int cell = row * columns; cell < (row + 1) * columns; cell++) {
                    double overlapping = perPixel[cell] * area;
                    fades[cell] = overlapping <= 1 ? 256
                            : (int) Math.round(256 * Math.min(1, (1 - Math.exp(logUncovered / overlapping)) / opacity));
                }
            });
            return fades;
        }

        /** The cell of pixel ({@code px}, {@code py}), or −1 outside the view. */
        int cellOf(int px, int py) {
            if (px < 0 || py < 0 || px >= columns * CELL) {
                return -1;
            }
            int cell = py / CELL * columns + px / CELL;
            return cell < cells.length ? cell : -1;
        }

        /**
         * Shades the rows {@code top} to {@code bottom} of a raster ({@link #shades} over its
         * background); between cell centres the density is interpolated, so no cell shows as a square.
         */
        void paint(int[] pixels, int width, int top, int bottom, int[] shades) {
            int rows = cells.length / columns;
            // Where each pixel column falls between two cell centres, worked out once for the band.
            int[] leftOf = new int[width];
            int[] rightOf = new int[width];
            float[] weight = new float[width];
            for (int px = 0; px < width; px++) {
                float fx = Math.max(0, (px + 0.5f) / CELL - 0.5f);
                leftOf[px] = Math.min(columns - 1, (int) fx);
                rightOf[px] = Math.min(columns - 1, leftOf[px] + 1);
                weight[px] = Math.min(1, fx - leftOf[px]);
            }
            float[] across = new float[columns];
            for (int py = top; py < bottom; py++) {
                float fy = Math.max(0, (py + 0.5f) / CELL - 0.5f);
                int row = Math.min(rows - 1, (int) fy);
                int below = Math.min(rows - 1, row + 1);
                float wy = Math.min(1, fy - row);
                boolean any = false;
                for (int column = 0; column < columns; column++) {
                    across[column] = cells[row * columns + column] * (1 - wy) + cells[below * columns + column] * wy;
                    any |= across[column] > 0;
                }
                if (!any) {
                    continue;
                }
                int base = py * width;
                for (int px = 0; px < width; px++) {
                    float left = across[leftOf[px]];
                    float right = across[rightOf[px]];
                    if (left + right > 0) {
                        pixels[base + px] = shades[(int) ((left + (right - left) * weight[px]) * 255)];
                    }
                }
            }
        }
    }
}
