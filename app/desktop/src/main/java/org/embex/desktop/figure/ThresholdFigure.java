package org.embex.desktop.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.embex.desktop.figure.Pen.Align;
import org.embex.desktop.map.Palette;
import org.embex.desktop.threshold.AxisTicks;
import org.embex.threshold.Confusion;
import org.embex.threshold.OperatingPoint;
import org.embex.threshold.RocCurve;
import org.embex.threshold.ScoreHistogram;
import org.embex.usecase.Percent;
import org.embex.usecase.ThresholdStudy;

/**
 * A threshold study as a figure for a report: ROC and precision-recall curves of every model, each
 * with its operating point (Youden's) marked and labelled with its threshold; the first model's
 * scores as two histograms in counts with the threshold's value; and a table of every model's rates
 * at its threshold beside the first model's confusion matrix.
 */
public record ThresholdFigure(List<ThresholdStudy> studies, FigureTheme theme, int width, int height) implements Figure {

    private static final int BINS = 40;
    private static final double MARGIN = 24;
    private static final double GAP = 28;
    private static final double HEADER = 66;

    public ThresholdFigure {
        studies = List.copyOf(studies);
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("a threshold figure needs a study");
        }
    }

    @Override
    public void draw(Pen pen) {
        ThresholdStudy first = studies.get(0);
        pen.colour(theme.ink()).font(16, true).text("Threshold study · " + first.source(), MARGIN, 22, Align.LEFT);
        List<String> summary = new ArrayList<>();
        for (ThresholdStudy study : studies) {
            summary.add(String.format("%s: AUROC %.4f, average precision %.4f", study.model(), study.curve().auc(),
                    study.curve().averagePrecision()));
        }
        pen.colour(theme.muted()).font(11.5, false).text(String.join("   ·   ", summary), MARGIN, 44, Align.LEFT);

        double panelW = (width - 2 * MARGIN - GAP) / 2;
        double panelH = (height - HEADER - MARGIN - GAP) / 2;
        double right = MARGIN + panelW + GAP;
        double lower = HEADER + panelH + GAP;
        roc(pen, new Axes(MARGIN, HEADER, panelW, panelH, 0, 1, 0, 1));
        precisionRecall(pen, new Axes(right, HEADER, panelW, panelH, 0, 1, 0, 1));
        histogram(pen, first, MARGIN, lower, panelW, panelH);
        table(pen, right, lower, panelW);
    }

    private void roc(Pen pen, Axes axes) {
        axes.draw(pen, theme, "ROC", "false positive rate", "true positive rate");
        pen.colour(theme.muted(), 0.6).dashed(1);
        pen.line(axes.x(0), axes.y(0), axes.x(1), axes.y(1));
        curves(pen, axes, RocCurve::fpr, RocCurve::tpr, Confusion::fpr, Confusion::tpr,
                study -> String.format("%s (AUROC %.4f)", study.model(), study.curve().auc()));
    }

    private void precisionRecall(Pen pen, Axes axes) {
        axes.draw(pen, theme, "Precision–recall", "recall", "precision");
        curves(pen, axes, RocCurve::tpr, RocCurve::precision, Confusion::tpr, Confusion::precision,
                study -> String.format("%s (AP %.4f)", study.model(), study.curve().averagePrecision()));
    }

    /** A coordinate of a curve's point {@code p}. */
    private interface CurveValue {
        double of(RocCurve curve, int p);
    }

    /**
     * Every model's curve (the first drawn last, on top) with its Youden point marked, and the legend:
     * the two panels differ only in which rates they plot and what their legend says.
     */
    private void curves(Pen pen, Axes axes, CurveValue x, CurveValue y, ToDoubleFunction<Confusion> pointX,
                        ToDoubleFunction<Confusion> pointY, Function<ThresholdStudy, String> name) {
        for (int s = studies.size() - 1; s >= 0; s--) {
            RocCurve curve = studies.get(s).curve();
            double[] xs = new double[curve.points()];
            double[] ys = new double[curve.points()];
            for (int p = 0; p < curve.points(); p++) {
                xs[p] = axes.x(x.of(curve, p));
                ys[p] = axes.y(y.of(curve, p));
            }
            pen.colour(Palette.category(s)).width(2).path(xs, ys);
            Confusion at = curve.youden().confusion();
            mark(pen, axes, pointX.applyAsDouble(at), pointY.applyAsDouble(at), Palette.category(s), at.threshold(), s);
        }
        legend(pen, axes, studies.stream().map(name).toList());
    }

    /** An operating point: a ringed dot and its threshold beside it, each model's label a line lower than the one before. */
    private void mark(Pen pen, Axes axes, double x, double y, int colour, double threshold, int order) {
        double px = axes.x(x);
        double py = axes.y(y);
        pen.colour(colour).dot(px, py, 4.5);
        pen.colour(theme.ink()).width(1.2).ring(px, py, 5.5);
        String label = String.format("t = %.3f", threshold);
        pen.font(10.5, false).colour(colour);
        boolean left = px + 10 + pen.measure(label) > axes.left + axes.width;
        pen.text(label, left ? px - 9 : px + 9, Math.min(axes.top + axes.height - 8, py + 12 + 13 * order), left ? Align.RIGHT : Align.LEFT);
    }

    private void legend(Pen pen, Axes axes, List<String> names) {
        pen.font(10.5, false);
        double widest = names.stream().mapToDouble(pen::measure).max().orElse(0);
        double x = axes.left + axes.width - widest - 30;
        double y = axes.top + axes.height - 12 - 16 * (names.size() - 1);
        for (int s = 0; s < names.size(); s++) {
            pen.colour(Palette.category(s)).width(2.5).line(x, y + 16 * s, x + 16, y + 16 * s);
            pen.colour(theme.ink()).text(names.get(s), x + 22, y + 16 * s, Align.LEFT);
        }
    }

    private void histogram(Pen pen, ThresholdStudy study, double left, double top, double width, double height) {
        ScoreHistogram bins = study.curve().histogram(BINS);
        double[] edges = bins.edges();
        long most = Math.max(Arrays.stream(bins.positives()).max().orElse(0), Arrays.stream(bins.negatives()).max().orElse(0));
        // The count axis ends on a round number above the tallest bar, so no bar meets the frame.
        AxisTicks counts = AxisTicks.between(0, Math.max(1, most), 5);
        double step = counts.values().size() > 1 ? counts.values().get(1) - counts.values().get(0) : 1;
        double yMax = Math.ceil(Math.max(1, most) / step) * step + (most % step == 0 ? step : 0);
        Axes axes = new Axes(left, top, width, height, edges[0], edges[edges.length - 1], 0, yMax);
        axes.draw(pen, theme, "Scores of " + study.model(), "score", "texts in the bin");
        for (int b = 0; b < bins.bins(); b++) {
            double x0 = axes.x(edges[b]);
            double x1 = axes.x(edges[b + 1]);
            bar(pen, x0, x1, axes, bins.negatives()[b], Palette.NEGATIVE);
            bar(pen, x0, x1, axes, bins.positives()[b], Palette.POSITIVE);
        }
        double threshold = study.curve().youden().threshold();
        double tx = axes.x(Math.max(edges[0], Math.min(edges[edges.length - 1], threshold)));
        pen.colour(theme.ink()).width(2).line(tx, axes.top, tx, axes.top + axes.height);
        pen.font(10.5, true);
        boolean leftOfLine = tx + 8 + pen.measure("threshold 0.000") > axes.left + axes.width;
        pen.text(String.format("threshold %.3f", threshold), leftOfLine ? tx - 5 : tx + 5, axes.top + 8,
                leftOfLine ? Align.RIGHT : Align.LEFT);
        long positives = Arrays.stream(bins.positives()).sum();
        long negatives = Arrays.stream(bins.negatives()).sum();
        pen.font(10.5, false);
        double x = axes.left + 8;
        double y = axes.top + 26;
        for (String[] entry : new String[][] {{"positive (" + positives + ")", "p"}, {"negative (" + negatives + ")", "n"}, {"both", "b"}}) {
            if (!entry[1].equals("p")) {
                pen.colour(Palette.NEGATIVE, 0.5).fill(x, y - 5, 12, 10);
            }
            if (!entry[1].equals("n")) {
                pen.colour(Palette.POSITIVE, 0.5).fill(x, y - 5, 12, 10);
            }
            pen.colour(theme.ink()).text(entry[0], x + 17, y, Align.LEFT);
            y += 16;
        }
    }

    private static void bar(Pen pen, double x0, double x1, Axes axes, long count, int colour) {
        if (count > 0) {
            double top = axes.y(count);
            pen.colour(colour, 0.5).fill(x0, top, Math.max(1, x1 - x0 - 1), axes.y(0) - top);
        }
    }

    private void table(Pen pen, double left, double top, double width) {
        ThresholdStudy first = studies.get(0);
        pen.colour(theme.ink()).font(12.5, true).text("At each model's Youden threshold", left, top + 6, Align.LEFT);
        String[] headings = {"model", "threshold", "TPR", "FPR", "precision", "F1", "accuracy"};
        double[] columns = new double[headings.length];
        double nameWidth = Math.max(90, studies.stream().mapToDouble(s -> pen.font(11, false).measure(s.model())).max().orElse(0) + 14);
        columns[0] = left;
        double rest = (width - nameWidth) / (headings.length - 1);
        for (int c = 1; c < headings.length; c++) {
            columns[c] = left + nameWidth + rest * (c - 1);
        }
        double y = top + 32;
        pen.font(11, true).colour(theme.muted());
        for (int c = 0; c < headings.length; c++) {
            pen.text(headings[c], columns[c], y, Align.LEFT);
        }
        pen.colour(theme.muted(), 0.4).width(1).line(left, y + 10, left + width, y + 10);
        pen.font(11, false);
        for (int s = 0; s < studies.size(); s++) {
            y += 22;
            OperatingPoint point = studies.get(s).curve().youden();
            Confusion at = point.confusion();
            String[] cells = {studies.get(s).model(), String.format("%.4f", at.threshold()), Percent.of(at.tpr()), Percent.of(at.fpr()),
                Percent.of(at.precision()), Percent.of(at.f1()), Percent.of(at.accuracy())};
            pen.colour(Palette.category(s)).fill(columns[0] - 12, y - 4, 7, 8);
            for (int c = 0; c < cells.length; c++) {
                pen.colour(theme.ink()).text(cells[c], columns[c], y, Align.LEFT);
            }
        }

        Confusion at = first.curve().youden().confusion();
        y += 46;
        pen.font(12.5, true).colour(theme.ink()).text("Confusion matrix of " + first.model() + String.format(" at %.4f", at.threshold()),
                left, y, Align.LEFT);
        double cell = Math.min(130, (width - 110) / 2);
        double gridLeft = left + 100;
        y += 26;
        pen.font(11, true).colour(theme.muted());
        pen.text("accepted", gridLeft + cell / 2, y, Align.CENTRE);
        pen.text("refused", gridLeft + cell * 1.5, y, Align.CENTRE);
        long[][] counts = {{at.truePositives(), at.falseNegatives()}, {at.falsePositives(), at.trueNegatives()}};
        String[] rows = {"positive", "negative"};
        for (int r = 0; r < 2; r++) {
            double rowTop = y + 12 + r * 40;
            pen.font(11, true).colour(theme.muted()).text(rows[r], left, rowTop + 18, Align.LEFT);
            for (int c = 0; c < 2; c++) {
                boolean right = (r == 0) == (c == 0);
                pen.colour(right ? Palette.POSITIVE : Palette.NEGATIVE, 0.16).fill(gridLeft + c * cell + 2, rowTop, cell - 4, 36);
                pen.font(14, true).colour(theme.ink()).text(String.valueOf(counts[r][c]), gridLeft + c * cell + cell / 2, rowTop + 18, Align.CENTRE);
            }
        }
    }

    /** A panel's plot area in figure points and the ranges it shows, with its frame, ticks and titles. */
    private record Axes(double left, double top, double width, double height, double xLow, double xHigh, double yLow, double yHigh) {

        private static final double INSET_LEFT = 58;
        private static final double INSET_BOTTOM = 42;
        private static final double INSET_TOP = 24;

        Axes {
            left += INSET_LEFT;
            width -= INSET_LEFT;
            top += INSET_TOP;
            height -= INSET_TOP + INSET_BOTTOM;
        }

        double x(double value) {
            return left + (value - xLow) / (xHigh > xLow ? xHigh - xLow : 1) * width;
        }

        double y(double value) {
            return top + height - (value - yLow) / (yHigh > yLow ? yHigh - yLow : 1) * height;
        }

        void draw(Pen pen, FigureTheme theme, String title, String xTitle, String yTitle) {
            pen.colour(theme.ink()).font(13, true).text(title, left - INSET_LEFT, top - INSET_TOP + 8, Align.LEFT);
            AxisTicks xs = AxisTicks.between(xLow, xHigh, Math.max(3, (int) (width / 70)));
            AxisTicks ys = AxisTicks.between(yLow, yHigh, Math.max(3, (int) (height / 45)));
            pen.font(10.5, false);
            for (double tick : ys.values()) {
                pen.colour(theme.muted(), 0.18).width(1).line(left, y(tick), left + width, y(tick));
                pen.colour(theme.muted()).text(ys.label(tick), left - 6, y(tick), Align.RIGHT);
            }
            for (double tick : xs.values()) {
                pen.colour(theme.muted(), 0.18).width(1).line(x(tick), top, x(tick), top + height);
                pen.colour(theme.muted()).line(x(tick), top + height, x(tick), top + height + 4);
                pen.text(xs.label(tick), x(tick), top + height + 13, Align.CENTRE);
            }
            pen.colour(theme.muted()).width(1).frame(left, top, width, height);
            pen.colour(theme.ink()).font(11, false).text(xTitle, left + width / 2, top + height + 32, Align.CENTRE);
            pen.textUp(yTitle, left - 44, top + height / 2);
        }
    }
}
