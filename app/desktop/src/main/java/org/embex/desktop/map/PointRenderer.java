package org.embex.desktop.map;

import java.util.BitSet;
import java.util.stream.IntStream;

import org.embex.layout.Layout;

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
    /** The pixels one point covers, for how many overlap in a crowd. */
    private final double area;

    /** Below this many points one thread draws faster than several start. */
    private static final int PARALLEL_FROM = 50_000;
    private final int bands;

    public PointRenderer(PointStyle style) {
        this(style, Runtime.getRuntime().availableProcessors());
    }

    /** @param bands how many horizontal bands large lists are drawn in, one per core by default */
    PointRenderer(PointStyle style, int bands) {
        this.style = style;
        this.bands = bands;
        double r = style.radius();
        area = Math.max(1, Math.PI * r * r);
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
     * Fills the raster with {@code background} and draws every visible point of {@code points},
     * in its order (later points on top). The raster is cut into horizontal bands drawn in
     * parallel, each in the same order, so the picture is the one a single thread would draw.
     *
     * @param density whether the points' density is shaded under them ({@link DensityLayer})
     * @return how many points fell inside the view
     */
    public int render(int[] pixels, Viewport view, int background, DrawList points, boolean density) {
        int width = view.width();
        int height = view.height();
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("raster of " + pixels.length + " pixels is smaller than the view");
        }
        DensityLayer.Heat heat = density ? DensityLayer.heat(view, points) : null;
        int[] fades = heat == null ? null : heat.fades(area, style.opacity());
        int[] shades = heat == null ? null : DensityLayer.shades(background);
        int parts = points.size() < PARALLEL_FROM ? 1 : Math.min(bands, Math.max(1, height / 64));
        int[] drawn = new int[parts];
        IntStream.range(0, parts).parallel().forEach(band -> {
            int top = height * band / parts;
            int bottom = height * (band + 1) / parts;
            java.util.Arrays.fill(pixels, top * width, bottom * width, background | 0xFF000000);
            if (heat != null) {
                heat.paint(pixels, width, top, bottom, shades);
            }
            drawn[band] = drawBand(pixels, view, points, top, bottom, height, heat, fades);
        });
        return java.util.Arrays.stream(drawn).sum();
    }

    /** Draws the band's share of points; counts those whose centre row is the band's (or beyond the edge it ends). */
    private int drawBand(int[] pixels, Viewport view, DrawList points, int top, int bottom, int height,
                         DensityLayer.Heat heat, int[] fades) {
        int width = view.width();
        float[] x = points.x();
        float[] y = points.y();
        int[] colours = points.colours();
        BitSet hidden = points.hidden();
        float scale = (float) view.scale();
        float offsetX = (float) (width / 2.0 - view.centreX() * view.scale()) + 0.5f;
        float offsetY = (float) (view.height() / 2.0 + view.centreY() * view.scale()) + 0.5f;
        int drawn = 0;
        int from = points.from(view.worldY(bottom + reach));
        int to = points.to(view.worldY(top - reach));
        for (int k = from; k < to; k++) {
            float fx = offsetX + x[k] * scale;
            float fy = offsetY - y[k] * scale;
            if (fx < -reach || fy < top - reach || fx >= width + reach || fy >= bottom + reach || hidden.get(k)) {
                continue;
            }
            int px = (int) Math.floor(fx);
            int py = (int) Math.floor(fy);
            if ((py >= top || top == 0) && (py < bottom || bottom == height)) {
                drawn++;
            }
            stamp(pixels, width, top, bottom, px, py, colours[k], fade(heat, fades, px, py));
        }
        return drawn;
    }

    private static int fade(DensityLayer.Heat heat, int[] fades, int px, int py) {
        if (heat == null) {
            return 256;
        }
        int cell = heat.cellOf(px, py);
        return cell < 0 ? 256 : fades[cell];
    }

    /** @param fade the point's opacity in 256ths: lower where the density layer shows the crowd instead */
    private void stamp(int[] pixels, int width, int top, int bottom, int px, int py, int colour, int fade) {
        int red = (colour >> 16) & 0xFF;
        int green = (colour >> 8) & 0xFF;
        int blue = colour & 0xFF;
        boolean inside = px - reach >= 0 && py - reach >= top && px + reach < width && py + reach < bottom;
        for (int s = 0; s < stampX.length; s++) {
            int sx = px + stampX[s];
            int sy = py + stampY[s];
            if (!inside && (sx < 0 || sy < top || sx >= width || sy >= bottom)) {
                continue;
            }
            int index = sy * width + sx;
            int alpha = stampAlpha[s] * fade >> 8;
            int keep = 255 - alpha;
            int dst = pixels[index];
            // Premultiplied "source over" per channel in 0–255 fixed point; (v·257 + 257) >> 16 divides by 255.
            int r = div255(red * alpha + ((dst >> 16) & 0xFF) * keep);
            int g = div255(green * alpha + ((dst >> 8) & 0xFF) * keep);
            int b = div255(blue * alpha + (dst & 0xFF) * keep);
            pixels[index] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
    }

    static int div255(int value) {
        return (value + 128 + ((value + 128) >> 8)) >> 8;
    }
}
