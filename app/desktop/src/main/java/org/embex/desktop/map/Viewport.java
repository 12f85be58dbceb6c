package org.embex.desktop.map;

import org.embex.layout.Layout;

/**
 * Which part of the map a view shows: the world point at the centre of the view and how many
 * pixels one world unit spans. Screen y grows downwards, world y upwards, so a map looks the same
 * on screen as in a plotting library.
 */
public record Viewport(double centreX, double centreY, double scale, int width, int height) {

    private static final double MARGIN = 0.06;

    public Viewport {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, was " + scale);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a view needs at least one pixel, was " + width + "×" + height);
        }
    }

    /** The view that shows every point of {@code layout} with a small margin. */
    public static Viewport fit(Layout layout, int width, int height) {
        if (layout.points() == 0) {
            return new Viewport(0, 0, 1, width, height);
        }
        float minX = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < layout.points(); i++) {
            minX = Math.min(minX, layout.x()[i]);
            maxX = Math.max(maxX, layout.x()[i]);
            minY = Math.min(minY, layout.y()[i]);
            maxY = Math.max(maxY, layout.y()[i]);
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = (1 - 2 * MARGIN) * Math.min(width / spanX, height / spanY);
        return new Viewport((minX + maxX) / 2.0, (minY + maxY) / 2.0, scale, width, height);
    }

    public double screenX(double worldX) {
        return width / 2.0 + (worldX - centreX) * scale;
    }

    public double screenY(double worldY) {
        return height / 2.0 - (worldY - centreY) * scale;
    }

    public double worldX(double screenX) {
        return centreX + (screenX - width / 2.0) / scale;
    }

    public double worldY(double screenY) {
        return centreY - (screenY - height / 2.0) / scale;
    }

    /** Zooms by {@code factor} keeping the world point under ({@code screenX}, {@code screenY}) in place. */
    public Viewport zoomAbout(double screenX, double screenY, double factor) {
        double wx = worldX(screenX);
        double wy = worldY(screenY);
        double newScale = scale * factor;
        double newCentreX = wx - (screenX - width / 2.0) / newScale;
        double newCentreY = wy + (screenY - height / 2.0) / newScale;
        return new Viewport(newCentreX, newCentreY, newScale, width, height);
    }

    /** Moves the map with the pointer: the content follows a drag of ({@code dx}, {@code dy}) pixels. */
    public Viewport panBy(double dx, double dy) {
        return new Viewport(centreX - dx / scale, centreY + dy / scale, scale, width, height);
    }

    /** The same centre and scale on a view of another size. */
    public Viewport resized(int newWidth, int newHeight) {
        return new Viewport(centreX, centreY, scale, newWidth, newHeight);
    }
}
