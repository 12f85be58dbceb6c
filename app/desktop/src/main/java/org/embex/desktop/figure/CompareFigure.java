package org.embex.desktop.figure;

import java.util.BitSet;
import java.util.List;
import java.util.OptionalDouble;

import org.embex.compare.ModelComparison;
import org.embex.compare.ModelMetrics;
import org.embex.corpus.TextRow;
import org.embex.desktop.figure.Pen.Align;
import org.embex.desktop.map.ColourBy;
import org.embex.desktop.map.Colouring;
import org.embex.layout.Layout;
import org.embex.usecase.ModelPair;
import org.embex.usecase.Percent;
import org.embex.usecase.SideBySide;

/**
 * Two models' maps of one corpus side by side as a figure for a report: the second map turned onto
 * the first, both coloured alike (by label, or by how far each text's neighbours agree, with a
 * colour bar), the legend, each model's figures, and the texts whose neighbours differ most.
 */
public record CompareFigure(SideBySide sides, boolean byAgreement, FigureTheme theme, int width, int height) implements Figure {

    private static final double MARGIN = 24;
    private static final double LEGEND = 230;
    private static final double BOTTOM = 210;
    private static final int LISTED = 8;

    @Override
    public void draw(Pen pen) {
        ModelPair pair = sides.pair();
        ModelComparison comparison = pair.comparison();
        Colouring colouring = colouring();
        pen.colour(theme.ink()).font(16, true).text(pair.first().model() + " vs " + pair.second().model(), MARGIN, 22, Align.LEFT);
        pen.colour(theme.muted()).font(11.5, false).text(String.format("%,d texts · %d nearest neighbours shared: mean %.3f, median %.3f · coloured by %s",
                pair.first().size(), comparison.k(), comparison.meanOverlap(), comparison.medianOverlap(),
                byAgreement ? "neighbour agreement" : "label"), MARGIN, 44, Align.LEFT);

        double top = 70;
        double mapW = (width - 2 * MARGIN - LEGEND - 20) / 2;
        double mapH = height - top - BOTTOM - 20;
        map(pen, sides.firstLayout(), colouring, pair.first().model(), MARGIN, top, mapW, mapH);
        map(pen, sides.secondLayout(), colouring, pair.second().model() + " (turned onto the left map)", MARGIN + mapW + 10, top, mapW, mapH);
        boolean density = MapPoints.shadesDensity(sides.firstLayout(), new BitSet());
        double end = FigureLegend.draw(pen, theme, colouring, new BitSet(), List.of("share of a text's nearest", "neighbours both models give it"),
                width - MARGIN - LEGEND + 10, top, LEGEND - 20, density ? mapH - FigureLegend.DENSITY_HEIGHT : mapH);
        if (density) {
            FigureLegend.density(pen, theme, width - MARGIN - LEGEND + 10, end + 16, LEGEND - 20);
        }
        double lower = height - BOTTOM + 4;
        metrics(pen, pair, MARGIN, lower);
        disagreements(pen, pair, MARGIN + 420, lower, width - 2 * MARGIN - 420);
    }

    private Colouring colouring() {
        ModelPair pair = sides.pair();
        return byAgreement || !pair.first().labelled()
                ? Colouring.scores("Neighbour agreement", pair.comparison().overlap())
                : ColourBy.label(pair.first());
    }

    /** One model's map fitted to its box, the points in their colours. */
    private void map(Pen pen, Layout layout, Colouring colouring, String title, double left, double top, double w, double h) {
        pen.colour(theme.ink()).font(12.5, true).text(pen.fit(title, w), left, top + 6, Align.LEFT);
        double boxTop = top + 18;
        double boxH = h - 18;
        MapPoints.draw(pen, layout, colouring.colours(), new BitSet(), theme.background(), left, boxTop, w, boxH);
        pen.colour(theme.muted(), 0.5).width(1).frame(left, boxTop, w, boxH);
    }

    private void metrics(Pen pen, ModelPair pair, double left, double top) {
        ModelMetrics a = pair.comparison().first();
        ModelMetrics b = pair.comparison().second();
        pen.colour(theme.ink()).font(12.5, true).text("Each model on this corpus", left, top + 6, Align.LEFT);
        double[] columns = {left, left + 160, left + 290};
        double y = top + 30;
        pen.font(11, true).colour(theme.muted());
        pen.text(pen.fit(a.model(), 120), columns[1], y, Align.LEFT);
        pen.text(pen.fit(b.model(), 120), columns[2], y, Align.LEFT);
        String[][] rows = {
            {"k-NN label accuracy", rate(a.knnLabelAccuracy()), rate(b.knnLabelAccuracy())},
            {"label silhouette", figure(a.labelSilhouette()), figure(b.labelSilhouette())},
            {"gate AUROC", figure(pair.firstGateAuroc()), figure(pair.secondGateAuroc())},
        };
        pen.font(11, false);
        for (String[] row : rows) {
            y += 20;
            pen.colour(theme.muted()).text(row[0], columns[0], y, Align.LEFT);
            pen.colour(theme.ink()).text(row[1], columns[1], y, Align.LEFT);
            pen.text(row[2], columns[2], y, Align.LEFT);
        }
    }

    private void disagreements(Pen pen, ModelPair pair, double left, double top, double width) {
        ModelComparison comparison = pair.comparison();
        pen.colour(theme.ink()).font(12.5, true).text(String.format("Texts whose neighbours differ most (share of the %d nearest both give)",
                comparison.k()), left, top + 6, Align.LEFT);
        pen.font(11, false);
        int shown = Math.min(LISTED, comparison.mostDisagreeing().length);
        double y = top + 30;
        for (int r = 0; r < shown; r++) {
            int row = comparison.mostDisagreeing()[r];
            TextRow text = pair.first().row(row);
            pen.colour(theme.ink()).text(String.format("%.2f", comparison.overlap()[row]), left, y, Align.LEFT);
            String label = text.label() == null ? "" : text.label();
            pen.colour(theme.muted()).text(pen.fit(label, 110), left + 44, y, Align.LEFT);
            pen.colour(theme.ink()).text(pen.fit(text.text(), width - 164), left + 164, y, Align.LEFT);
            y += 18;
        }
    }

    private static String rate(OptionalDouble value) {
        return value.isPresent() ? Percent.of(value.getAsDouble()) : "—";
    }

    private static String figure(OptionalDouble value) {
        return value.isPresent() ? String.format("%.3f", value.getAsDouble()) : "—";
    }
}
