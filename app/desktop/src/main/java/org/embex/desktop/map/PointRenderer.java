package org.embex.desktop.map;

import java.util.BitSet;

import org.embex.projection.Layout;

/**
 * Draws a map's points into a premultiplied ARGB raster. A canvas call per point costs seconds
 * for a million points in JavaFX's software pipeline; writing pixels costs milliseconds
 * (DESIGN.md, "Drawing a million points"). Each point is a disc with an anti-aliased rim, blended
 * over what is already there, so dense regions read as dense.
 */
public final class PointRenderer {

    private final int[] stampX;
    private final int[] stampY;
    private final int[] stampAlpha;
    private final int reach;
    private final PointStyle style;

    public PointRenderer(PointStyle style) {
        this.style = style;
        double r = style.radius();
        reach = (int) Math.ceil(r + 0.5);
        int side = 2 * reach + 1;
        int[] xs = new int[side * side];
        int[] ys = new int[side * side];
        int[] alphas = new int[side * side];
        int count = 0;
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                double coverage = Math.min(1, Math.max(0, r + 0.5 - Math.hypot(dx, dy)));
                int alpha = (int) Math.round(255 * coverage * style.opacity());
                if (alpha > 0) {
                    xs[count] = dx;
                    ys[count] = dy;
                    alphas[count] = alpha;
                    count++;
                }
            }
        }
        stampX = java.util.Arrays.copyOf(xs, count);
        stampY = java.util.Arrays.copyOf(ys, count);
        stampAlpha = java.util.Arrays.copyOf(alphas, count);
    }

    public PointStyle style() {
        return style;
    }

    /**
     * Fills the raster with {@code background} and draws every point not in {@code hidden}.
     *
     * @param colours an opaque RGB colour per point (alpha ignored)
     * @return how many points fell inside the view
     */
    public int render(int[] pixels, Viewport view, int background, Layout layout, int[] colours, BitSet hidden) {
        int width = view.width();
        int height = view.height();
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("raster of " + pixels.length + " pixels is smaller than the view");
        }
        java.util.Arrays.fill(pixels, 0, width * height, background | 0xFF000000);
        float[] x = layout.x();
        float[] y = layout.y();
        double scale = view.scale();
        double offsetX = width / 2.0 - view.centreX() * scale;
        double offsetY = height / 2.0 + view.centreY() * scale;
        int drawn = 0;
        for (int i = 0; i < x.length; i++) {
            if (hidden.get(i)) {
                continue;
            }
            int px = (int) Math.round(offsetX + x[i] * scale);
            int py = (int) Math.round(offsetY - y[i] * scale);
            if (px < -reach || py < -reach || px >= width + reach || py >= height + reach) {
                continue;
            }
            drawn++;
            stamp(pixels, width, height, px, py, colours[i]);
        }
        return drawn;
    }

    private void stamp(int[] pixels, int width, int height, int px, int py, int colour) {
        int red = (colour >> 16) & 0xFF;
        int green = (colour >> 8) & 0xFF;
        int blue = colour & 0xFF;
        boolean inside = px - reach >= 0 && py - reach >= 0 && px + reach < width && py + reach < height;
        for (int s = 0; s < stampX.length; s++) {
            int sx = px + stampX[s];
            int sy = py + stampY[s];
            if (!inside && (sx < 0 || sy < 0 || sx >= width || sy >= height)) {
                continue;
            }
            int index = sy * width + sx;
            int alpha = stampAlpha[s];
            int keep = 255 - alpha;
            int dst = pixels[index];
            // Premultiplied "source over": out = src·α + dst·(1 − α), per channel, in 0–255 fixed point.
            int r = (red * alpha + ((dst >> 16) & 0xFF) * keep + 127) / 255;
            int g = (green * alpha + ((dst >> 8) & 0xFF) * keep + 127) / 255;
            int b = (blue * alpha + (dst & 0xFF) * keep + 127) / 255;
            pixels[index] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
    }
}
