package org.embex.desktop.threshold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.embex.desktop.controls.CanvasChart;
import org.embex.desktop.map.Palette;
import org.embex.threshold.ScoreHistogram;

/**
 * The scores of positives and negatives as two overlaid histograms, each scaled to its own
 * total so a small class stays visible (the y axis says so: share of each class, in percent),
 * with the threshold as a vertical line marked with its value: what lies right of it is accepted.
 * Blue and orange, which readers with any common colour-vision deficiency tell apart; where they
 * overlap the legend says so.
 */
public final class HistogramChart extends CanvasChart {

    static final Color POSITIVE = Color.web(Palette.css(Palette.POSITIVE));
    static final Color NEGATIVE = Color.web(Palette.css(Palette.NEGATIVE));
    private static final double OPACITY = 0.5;
    private static final double LEFT = 44;
    private static final double BOTTOM = 40;
    private static final double TOP = 58;
    private static final double RIGHT = 14;

    private ScoreHistogram histogram;
    private double threshold = Double.NaN;
    private String title = "Scores";
    private String positiveName = "positive";
    private String negativeName = "negative";

    public HistogramChart() {
        super(240, 170, 380, 260);
    }

    public void setHistogram(ScoreHistogram scores, String heading, String positives, String negatives) {
        histogram = scores;
        title = heading;
        positiveName = positives;
        negativeName = negatives;
        redraw();
    }

    public void setThreshold(double value) {
        threshold = value;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (histogram == null || w < LEFT + RIGHT + 60 || h < TOP + BOTTOM + 30) {
            return;
        }
        double[] edges = histogram.edges();
        double low = edges[0];
        double high = edges[edges.length - 1];
        double span = high > low ? high - low : 1;
        long positives = Arrays.stream(histogram.positives()).sum();
        long negatives = Arrays.stream(histogram.negatives()).sum();
        double top = 0;
        for (int b = 0; b < histogram.bins(); b++) {
            top = Math.max(top, share(histogram.positives()[b], positives));
            top = Math.max(top, share(histogram.negatives()[b], negatives));
        }
        AxisTicks percent = AxisTicks.between(0, Math.max(top, 1e-9) * 100, 4);
        double yMax = Math.max(top * 100, percent.values().get(percent.values().size() - 1));
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        double bottom = h - BOTTOM;

        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setFill(ink());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, title, 6, 12);
        g.setFont(Font.font(11));
        // The legend goes on the title's line, or the next one when the title is long.
        double x = legendEntry(g, POSITIVE.deriveColor(0, 1, 1, OPACITY), null, positiveName + " (" + positives + ")", 6, 28);
        x = legendEntry(g, NEGATIVE.deriveColor(0, 1, 1, OPACITY), null, negativeName + " (" + negatives + ")", x + 14, 28);
        legendEntry(g, NEGATIVE.deriveColor(0, 1, 1, OPACITY), POSITIVE.deriveColor(0, 1, 1, OPACITY), "both", x + 14, 28);

        // Gridlines and the y axis: each class's share of its own rows, so the two heights compare as shapes.
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double tick : percent.values()) {
            double y = bottom - tick / yMax * plotH;
            g.setStroke(ink().deriveColor(0, 1, 1, 0.12));
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setFill(ink());
            text(g, percent.label(tick) + "%", LEFT - 5, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        text(g, "% of each class", 6, TOP - 14);

        for (int b = 0; b < histogram.bins(); b++) {
            double x0 = LEFT + (edges[b] - low) / span * plotW;
            double x1 = LEFT + (edges[b + 1] - low) / span * plotW;
            bar(g, x0, x1, share(histogram.negatives()[b], negatives) * 100 / yMax * plotH, bottom, NEGATIVE);
            bar(g, x0, x1, share(histogram.positives()[b], positives) * 100 / yMax * plotH, bottom, POSITIVE);
        }

        g.setStroke(ink());
        g.strokeLine(LEFT, bottom, w - RIGHT, bottom);
        g.setFill(ink());
        g.setTextAlign(TextAlignment.CENTER);
        AxisTicks scores = AxisTicks.between(low, high, Math.max(2, (int) (plotW / 60)));
        for (double tick : scores.values()) {
            double tx = LEFT + (tick - low) / span * plotW;
            g.strokeLine(tx, bottom, tx, bottom + 4);
            text(g, scores.label(tick), tx, bottom + 12);
        }
        text(g, "score", LEFT + plotW / 2, h - 9);
        if (!Double.isNaN(threshold)) {
            double tx = LEFT + (Math.max(low, Math.min(high, threshold)) - low) / span * plotW;
            g.setStroke(ink());
            g.setLineWidth(2);
            g.strokeLine(tx, TOP - 2, tx, bottom);
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.setTextAlign(tx > LEFT + plotW * 0.8 ? TextAlignment.RIGHT : TextAlignment.LEFT);
            text(g, String.format(" threshold %.3f ", threshold), tx, TOP - 2);
        }
    }

    /** A swatch (two overlaid for "both") and its words from {@code x}; where the next entry may start. */
    private double legendEntry(GraphicsContext g, Color swatch, Color over, String words, double x, double y) {
        g.setFill(swatch);
        g.fillRect(x, y - 4.5, 12, 9);
        if (over != null) {
            g.setFill(over);
            g.fillRect(x, y - 4.5, 12, 9);
        }
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        text(g, words, x + 16, y);
        Text measured = new Text(words);
        measured.setFont(g.getFont());
        return x + 16 + measured.getLayoutBounds().getWidth();
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }

    private static void bar(GraphicsContext g, double x0, double x1, double height, double bottom, Color colour) {
        g.setFill(colour.deriveColor(0, 1, 1, OPACITY));
        g.fillRect(x0, bottom - height, Math.max(1, x1 - x0 - 1), height);
    }
}
