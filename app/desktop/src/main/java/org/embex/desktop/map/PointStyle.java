package org.embex.desktop.map;

/** How each point is drawn: its radius in pixels and its opacity. */
public record PointStyle(double radius, double opacity) {

    public static final PointStyle DEFAULT = new PointStyle(2.5, 0.8);

    public PointStyle {
        if (!(radius >= 0.5 && radius <= 12)) {
            throw new IllegalArgumentException("point radius must be within 0.5–12 px, was " + radius);
        }
        if (!(opacity > 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be within (0, 1], was " + opacity);
        }
    }

    /**
     * A style that suits {@code points} points: big opaque dots for a few hundred, single
     * translucent pixels for a million, so that density still shows where points pile up.
     */
    public static PointStyle forPoints(int points) {
        double magnitude = Math.log10(Math.max(10, points));
        double radius = Math.max(0.5, Math.min(5, 7 - 1.2 * magnitude));
        double opacity = Math.max(0.3, Math.min(0.9, 1.55 - 0.2 * magnitude));
        return new PointStyle(radius, opacity);
    }

    public PointStyle withRadius(double other) {
        return new PointStyle(other, opacity);
    }

    public PointStyle withOpacity(double other) {
        return new PointStyle(radius, other);
    }
}
