package org.embex.desktop.map;

import java.util.BitSet;

import org.embex.layout.Layout;

/** The points inside a box or a lasso drawn on the view, in screen pixels. */
public final class AreaSelection {

    private AreaSelection() {
    }

    /** Visible points inside the rectangle spanned by two screen corners. */
    public static BitSet box(Layout layout, Viewport view, double x0, double y0, double x1, double y1, BitSet hidden) {
        double left = view.worldX(Math.min(x0, x1));
        double right = view.worldX(Math.max(x0, x1));
        double top = view.worldY(Math.min(y0, y1));
        double bottom = view.worldY(Math.max(y0, y1));
        BitSet inside = new BitSet(layout.points());
        for (int i = 0; i < layout.points(); i++) {
            float x = layout.x()[i];
            float y = layout.y()[i];
            if (!hidden.get(i) && x >= left && x <= right && y >= bottom && y <= top) {
                inside.set(i);
            }
        }
        return inside;
    }

    /** Visible points inside the closed polygon through the screen points ({@code xs[k]}, {@code ys[k]}). */
    public static BitSet lasso(Layout layout, Viewport view, double[] xs, double[] ys, BitSet hidden) {
        BitSet inside = new BitSet(layout.points());
        if (xs.length < 3) {
            return inside;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < xs.length; k++) {
            minX = Math.min(minX, xs[k]);
            maxX = Math.max(maxX, xs[k]);
            minY = Math.min(minY, ys[k]);
            maxY = Math.max(maxY, ys[k]);
        }
        for (int i = 0; i < layout.points(); i++) {
            if (hidden.get(i)) {
                continue;
            }
            double sx = view.screenX(layout.x()[i]);
            double sy = view.screenY(layout.y()[i]);
            if (sx >= minX && sx <= maxX && sy >= minY && sy <= maxY && contains(xs, ys, sx, sy)) {
                inside.set(i);
            }
        }
        return inside;
    }

    /** Even-odd rule: a ray to the right crosses the outline an odd number of times from inside. */
    static boolean contains(double[] xs, double[] ys, double x, double y) {
        boolean inside = false;
        for (int a = 0, b = xs.length - 1; a < xs.length; b = a++) {
            if ((ys[a] > y) != (ys[b] > y) && x < (xs[b] - xs[a]) * (y - ys[a]) / (ys[b] - ys[a]) + xs[a]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
