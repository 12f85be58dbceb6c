package org.embex.desktop.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

/**
 * What a figure draws with, over any Java2D surface (an image, SVG, PDF): lines, boxes, paths and
 * texts, every text kept with its bounds, so that a test reads what a reader would.
 */
public final class Pen {

    /** Where a text is anchored. */
    public enum Align { LEFT, CENTRE, RIGHT }

    /** A text drawn and the box it takes. */
    public record Placed(String text, Rectangle2D bounds) {
    }

    private final Graphics2D g;
    private final double pixelsPerPoint;
    private final List<Placed> texts = new ArrayList<>();

    /** @param pixelsPerPoint how fine a raster drawn into the figure should be to look sharp on this surface */
    public Pen(Graphics2D g, double pixelsPerPoint) {
        this.g = g;
        this.pixelsPerPoint = pixelsPerPoint;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        font(11, false);
    }

    public Pen colour(int rgb) {
        g.setColor(new Color(rgb));
        return this;
    }

    public Pen colour(int rgb, double alpha) {
        g.setColor(new Color(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, (int) Math.round(alpha * 255)));
        return this;
    }

    public Pen width(double width) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        return this;
    }

    public Pen dashed(double width) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {4, 4}, 0));
        return this;
    }

    public Pen font(double size, boolean bold) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
        return this;
    }

    public void line(double x0, double y0, double x1, double y1) {
        g.draw(new Line2D.Double(x0, y0, x1, y1));
    }

    public void fill(double x, double y, double w, double h) {
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    public void frame(double x, double y, double w, double h) {
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    public void dot(double x, double y, double radius) {
        g.fill(new java.awt.geom.Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    public void ring(double x, double y, double radius) {
        g.draw(new java.awt.geom.Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    public void path(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                path.moveTo(xs[i], ys[i]);
            } else {
                path.lineTo(xs[i], ys[i]);
            }
        }
        g.draw(path);
    }

    /**
     * An opaque ARGB raster of {@code columns × rows} pixels drawn into the box at ({@code x}, {@code y}) of {@code w × h} points:
     * for layers of pixels (a hundred thousand overplotted points and their density) that no vector format holds well.
     */
    public void image(int[] argb, int columns, int rows, double x, double y, double w, double h) {
        // The raster itself, not a copy: at a high scale it is hundreds of megabytes.
        DirectColorModel rgb = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
        BufferedImage image = new BufferedImage(rgb, Raster.createWritableRaster(rgb.createCompatibleSampleModel(columns, rows),
                new DataBufferInt(argb, argb.length), null), false, null);
        AffineTransform place = AffineTransform.getTranslateInstance(x, y);
        place.scale(w / columns, h / rows);
        g.drawImage(image, place, null);
    }

    /** Pixels per point a raster needs to look as sharp as the rest of the figure on this surface. */
    public double pixelsPerPoint() {
        return pixelsPerPoint;
    }

    /** The width {@code text} takes in the current font. */
    public double measure(String text) {
        return g.getFontMetrics().getStringBounds(text, g).getWidth();
    }

    /** {@code text} as it fits {@code width} in the current font: whole, or cut at a word's end with "…". */
    public String fit(String text, double width) {
        if (measure(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && measure(cut + "…") > width) {
            int space = cut.lastIndexOf(' ');
            cut = space > 0 && measure(cut.substring(0, space) + "…") <= width ? cut.substring(0, space) : cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    /** {@code text} with its baseline's middle at {@code y}, anchored at {@code x}. */
    public void text(String text, double x, double y, Align align) {
        var metrics = g.getFontMetrics();
        double w = metrics.getStringBounds(text, g).getWidth();
        double left = switch (align) {
            case LEFT -> x;
            case CENTRE -> x - w / 2;
            case RIGHT -> x - w;
        };
        double baseline = y + (metrics.getAscent() - metrics.getDescent()) / 2.0;
        g.drawString(text, (float) left, (float) baseline);
        texts.add(new Placed(text, new Rectangle2D.Double(left, baseline - metrics.getAscent(), w, metrics.getAscent()
                + metrics.getDescent())));
    }

    /** {@code text} turned a quarter left (a y axis's title), centred on {@code (x, y)}. */
    public void textUp(String text, double x, double y) {
        var saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
        var metrics = g.getFontMetrics();
        g.drawString(text, (float) (x - w / 2), (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0));
        g.setTransform(saved);
        double h = metrics.getAscent() + metrics.getDescent();
        texts.add(new Placed(text, new Rectangle2D.Double(x - h / 2, y - w / 2, h, w)));
    }

    public List<Placed> texts() {
        return List.copyOf(texts);
    }
}
