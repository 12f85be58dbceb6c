package org.embex.desktop.figure;

import java.util.BitSet;
import java.util.List;

import org.embex.desktop.figure.Pen.Align;
import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.LabelPlacement;
import org.embex.desktop.map.MapLabels;
import org.embex.desktop.map.Viewport;
import org.embex.layout.Layout;

/**
 * The map as a figure for a report: a title and what the map shows, the points in their colours
 * (the rows a filter leaves out not drawn), the names the window writes on the map at the zoom that
 * shows every point, and the legend with the count of each colour's points shown, or a colour bar;
 * where the points are many enough for the window to shade their density, a colour bar for that too.
 *
 * @param hidden the points a filter leaves out
 */
public record MapFigure(Layout layout, Colouring colouring, BitSet hidden, MapLabels labels, String title, String subtitle,
                        FigureTheme theme, int width, int height) implements Figure {

    private static final double MARGIN = 24;
    private static final double HEADER = 62;

    public MapFigure {
        hidden = (BitSet) hidden.clone();
    }

    @Override
    public BitSet hidden() {
        return (BitSet) hidden.clone();
    }

    @Override
    public void draw(Pen pen) {
        pen.colour(theme.ink()).font(16, true).text(pen.fit(title, width - 2 * MARGIN), MARGIN, 22, Align.LEFT);
        pen.colour(theme.muted()).font(11.5, false).text(pen.fit(subtitle, width - 2 * MARGIN), MARGIN, 44, Align.LEFT);
        double legendW = Math.min(240, width * 0.3);
        double mapW = width - 2 * MARGIN - legendW - 16;
        double mapH = height - HEADER - MARGIN;
        Viewport view = MapPoints.draw(pen, layout, colouring.colours(), hidden, theme.background(), MARGIN, HEADER, mapW, mapH);
        names(pen, view, MARGIN, HEADER);
        double legendLeft = width - MARGIN - legendW + 10;
        boolean density = MapPoints.shadesDensity(layout, hidden);
        double end = FigureLegend.draw(pen, theme, colouring, hidden, List.of("from the lowest value to the highest"), legendLeft, HEADER,
                legendW - 10, density ? mapH - FigureLegend.DENSITY_HEIGHT : mapH);
        if (density) {
            FigureLegend.density(pen, theme, legendLeft, end + 16, legendW - 10);
        }
    }

    /** The names the window would write at this view, each on a plate of the page's colour so it reads over any point. */
    private void names(Pen pen, Viewport view, double left, double top) {
        pen.font(LabelPlacement.NAME_SIZE, true);
        for (LabelPlacement.Placed name : LabelPlacement.place(labels, view, text -> pen.measure(text) + 2, LabelPlacement.NAME_HEIGHT)) {
            pen.colour(theme.background(), 0.7).fill(left + name.x() - 2, top + name.y(), name.width() + 4, name.height());
            pen.colour(theme.ink()).text(pen.fit(name.text(), name.width()), left + name.x(), top + name.y() + name.height() / 2, Align.LEFT);
        }
    }
}
