package org.embex.desktop.figure;

import java.util.BitSet;

import org.embex.desktop.map.DensityLayer;
import org.embex.desktop.map.DrawList;
import org.embex.desktop.map.PointGrid;
import org.embex.desktop.map.PointRenderer;
import org.embex.desktop.map.PointStyle;
import org.embex.desktop.map.Viewport;
import org.embex.layout.Layout;

/**
 * A map's points drawn into a box of a figure as the window draws them: fitted with the map view's
 * own {@link Viewport#fit}, in the point style that suits their number. Up to the count where the
 * window turns density on, each point is a vector dot (sharp at any zoom of an SVG or PDF); from
 * there a point is about a pixel and a vector file of them would weigh megabytes and show a blot,
 * so the points and their density are one raster by the window's own renderer, at the surface's
 * resolution (matplotlib's {@code rasterized=True} makes the same trade).
 */
final class MapPoints {

    private MapPoints() {
    }

    /**
     * Whether the points are many enough to be drawn as pixels over their density. Counted among the
     * points shown: a filter that leaves 2,000 of 60,000 rows draws them as the dots they are (the
     * window counts the corpus, since its filter changes while the map stays).
     */
    static boolean shadesDensity(Layout layout, BitSet hidden) {
        return DensityLayer.onByDefault(layout.points() - hidden.cardinality());
    }

    /** Draws the points of {@code layout} not in {@code hidden}; the view that places them, in the box's own points. */
    static Viewport draw(Pen pen, Layout layout, int[] colours, BitSet hidden, int background, double left, double top, double w, double h) {
        PointStyle style = PointStyle.forPoints(layout.points() - hidden.cardinality());
        Viewport view = Viewport.fit(layout, Math.max(1, (int) w), Math.max(1, (int) h));
        if (shadesDensity(layout, hidden)) {
            int columns = Math.max(1, (int) Math.round(w * pen.pixelsPerPoint()));
            int rows = Math.max(1, (int) Math.round(h * pen.pixelsPerPoint()));
            DrawList points = new DrawList(layout, new PointGrid(layout));
            points.colour(colours);
            points.hide(hidden);
            int[] pixels = new int[columns * rows];
            new PointRenderer(style.withRadius(Math.min(12, style.radius() * pen.pixelsPerPoint())))
                    .render(pixels, Viewport.fit(layout, columns, rows), background, points, true);
            pen.image(pixels, columns, rows, left, top, w, h);
        } else {
            for (int i = 0; i < layout.points(); i++) {
                if (!hidden.get(i)) {
                    pen.colour(colours[i], style.opacity()).dot(left + view.screenX(layout.x()[i]), top + view.screenY(layout.y()[i]),
                            style.radius());
                }
            }
        }
        return view;
    }
}
