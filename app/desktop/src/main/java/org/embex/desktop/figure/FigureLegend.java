package org.embex.desktop.figure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.embex.desktop.figure.Pen.Align;
import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.DensityLayer;
import org.embex.desktop.map.Palette;
import org.embex.desktop.threshold.AxisTicks;

/**
 * A colouring's legend in a figure: its title, then each category's colour, name and how many of
 * the points shown are in it (categories with no point shown are left out), or, for a continuous colouring, a colour bar from the lowest value to
 * the highest with a note on what it measures.
 */
final class FigureLegend {

    private static final double ROW = 18;

    private FigureLegend() {
    }

    /** The room {@link #density} takes under a legend. */
    static final double DENSITY_HEIGHT = 90;

    /**
     * @param hidden the points not shown, not counted
     * @param note   lines under a colour bar saying what it measures (none for categories)
     * @param height the room there is; entries past it are summed up in one last line
     * @return where the legend ends, for what is drawn under it
     */
    static double draw(Pen pen, FigureTheme theme, Colouring colouring, BitSet hidden, List<String> note, double left, double top,
                     double width, double height) {
        pen.colour(theme.ink()).font(12.5, true).text(pen.fit(colouring.title(), width), left, top + 6, Align.LEFT);
        pen.font(11, false);
        if (colouring.scoreRange().isPresent()) {
            double[] range = colouring.scoreRange().get();
            double barW = width - 10;
            for (int k = 0; k < 100; k++) {
                pen.colour(Palette.score(k / 99.0)).fill(left + k * barW / 100, top + 22, barW / 100 + 0.6, 12);
            }
            // Round values along the bar, as on an axis; the bar runs from the lowest value to the highest.
            AxisTicks ticks = AxisTicks.between(range[0], range[1], 4);
            double span = range[1] > range[0] ? range[1] - range[0] : 1;
            for (double tick : ticks.values()) {
                double x = left + (tick - range[0]) / span * barW;
                String label = ticks.label(tick);
                double half = pen.measure(label) / 2;
                pen.colour(theme.muted()).width(1).line(x, top + 34, x, top + 38);
                pen.colour(theme.ink()).text(label, Math.max(left + half, Math.min(left + barW - half, x)), top + 46, Align.CENTRE);
            }
            double y = top + 64;
            pen.colour(theme.muted());
            for (String line : note) {
                pen.text(pen.fit(line, width), left, y, Align.LEFT);
                y += 15;
            }
            return y;
        }
        // The categories with a point shown, as the figure draws them: a filter's left-out rows are not in its legend.
        int[] perCategory = shownPerCategory(colouring, hidden);
        List<Colouring.Category> categories = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int c = 0; c < perCategory.length; c++) {
            if (perCategory[c] > 0) {
                categories.add(colouring.categories().get(c));
                counts.add(perCategory[c]);
            }
        }
        int fit = Math.max(1, (int) ((height - 28) / ROW));
        int listed = categories.size() <= fit ? categories.size() : fit - 1;
        double y = top + 28;
        for (int c = 0; c < listed; c++) {
            Colouring.Category category = categories.get(c);
            pen.colour(category.colour()).dot(left + 5, y, 5);
            String count = String.format("%,d", counts.get(c));
            pen.colour(theme.ink()).text(count, left + width - 10, y, Align.RIGHT);
            pen.text(pen.fit(category.name(), width - 40 - pen.measure(count)), left + 16, y, Align.LEFT);
            y += ROW;
        }
        if (listed < categories.size()) {
            int rest = 0;
            for (int c = listed; c < categories.size(); c++) {
                rest += counts.get(c);
            }
            pen.colour(theme.muted()).text(String.format("%d more: %,d", categories.size() - listed, rest), left + 16, y, Align.LEFT);
            y += ROW;
        }
        return y;
    }

    /** The shading of the points' density under the map, from a thin scatter to the densest crowd, as the map blends it over the page. */
    static void density(Pen pen, FigureTheme theme, double left, double top, double width) {
        pen.colour(theme.ink()).font(12.5, true).text("Point density", left, top + 6, Align.LEFT);
        int[] shades = DensityLayer.shades(theme.background());
        double barW = width - 10;
        for (int k = 0; k < 100; k++) {
            pen.colour(shades[k * (shades.length - 1) / 99] & 0xFFFFFF).fill(left + k * barW / 100, top + 22, barW / 100 + 0.6, 12);
        }
        pen.colour(theme.muted(), 0.6).width(1).frame(left, top + 22, barW, 12);
        pen.font(11, false).colour(theme.ink());
        pen.text("sparse", left, top + 46, Align.LEFT);
        pen.text("dense", left + barW, top + 46, Align.RIGHT);
        pen.colour(theme.muted()).text("points per area, log scale", left, top + 64, Align.LEFT);
    }

    private static int[] shownPerCategory(Colouring colouring, BitSet hidden) {
        int[] shown = new int[colouring.categories().size()];
        for (int i = 0; i < colouring.points(); i++) {
            if (!hidden.get(i)) {
                shown[colouring.categoryOf()[i]]++;
            }
        }
        return shown;
    }
}
