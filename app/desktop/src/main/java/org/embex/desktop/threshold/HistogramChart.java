package org.embex.desktop.threshold;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.embex.threshold.ScoreHistogram;

/**
 * The scores of positives and negatives as two overlaid histograms, each scaled to its own
 * total so a small class stays visible, with the threshold as a vertical line: what lies right
 * of it is accepted.
 */
public final class HistogramChart extends Region {

    static final Color POSITIVE = Color.web("#2f9e44");
    static final Color NEGATIVE = Color.web("#e03131");
    private static final double LEFT = 12;
    private static final double BOTTOM = 34;
    private static final double TOP = 26;
    private static final double RIGHT = 12;

    private final Canvas canvas = new Canvas();
    private ScoreHistogram histogram;
    private double threshold = Double.NaN;
    private String positiveName = "positive";
    private String negativeName = "negative";
    private Color ink = Color.web("#1f2328");

    public HistogramChart() {
        getChildren().add(canvas);
        setMinSize(200, 140);
        setPrefSize(360, 240);
    }

    public void setHistogram(ScoreHistogram scores, String positives, String negatives) {
        histogram = scores;
        positiveName = positives;
        negativeName = negatives;
        draw();
    }

    public void setThreshold(double value) {
        threshold = value;
        draw();
    }

    public void setInk(Color colour) {
        ink = colour;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (histogram == null || w < 60 || h < TOP + BOTTOM + 10) {
            return;
        }
        double[] edges = histogram.edges();
        double low = edges[0];
        double high = edges[edges.length - 1];
        double span = high > low ? high - low : 1;
        long positives = java.util.Arrays.stream(histogram.positives()).sum();
        long negatives = java.util.Arrays.stream(histogram.negatives()).sum();
        double top = 0;
        for (int b = 0; b < histogram.bins(); b++) {
            top = Math.max(top, share(histogram.positives()[b], positives));
            top = Math.max(top, share(histogram.negatives()[b], negatives));
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        for (int b = 0; b < histogram.bins(); b++) {
            double x0 = LEFT + (edges[b] - low) / span * plotW;
            double x1 = LEFT + (edges[b + 1] - low) / span * plotW;
            bar(g, x0, x1, share(histogram.negatives()[b], negatives) / top * plotH, h, NEGATIVE);
            bar(g, x0, x1, share(histogram.positives()[b], positives) / top * plotH, h, POSITIVE);
        }
        g.setFill(ink);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format("%.3f", low), LEFT, h - BOTTOM + 12);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format("%.3f", high), w - RIGHT, h - BOTTOM + 12);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("score", LEFT + plotW / 2, h - 8);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.fillText("Scores", 6, 12);
        g.setFont(Font.font(11));
        g.setFill(POSITIVE);
        g.fillRect(80, 8, 12, 8);
        g.setFill(ink);
        g.fillText(positiveName + " (" + positives + ")", 96, 12);
        g.setFill(NEGATIVE);
        g.fillRect(250, 8, 12, 8);
        g.setFill(ink);
        g.fillText(negativeName + " (" + negatives + ")", 266, 12);
        if (!Double.isNaN(threshold)) {
            double x = LEFT + (Math.max(low, Math.min(high, threshold)) - low) / span * plotW;
            g.setStroke(ink);
            g.setLineWidth(2);
            g.strokeLine(x, TOP - 4, x, h - BOTTOM);
        }
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }

    private static void bar(GraphicsContext g, double x0, double x1, double height, double h, Color colour) {
        g.setFill(colour.deriveColor(0, 1, 1, 0.45));
        g.fillRect(x0, h - BOTTOM - height, Math.max(1, x1 - x0 - 1), height);
    }
}
