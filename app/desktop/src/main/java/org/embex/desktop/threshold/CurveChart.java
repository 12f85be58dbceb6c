package org.embex.desktop.threshold;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A curve in the unit square (ROC, precision-recall), drawn on a canvas: a chart control would
 * make a node per point, and a curve has one point per distinct score. Several curves overlay
 * (one per model); the first carries a marker at the current threshold.
 */
public final class CurveChart extends Region {

    /** One curve: its legend name, colour and points. */
    public record Series(String name, Color colour, double[] x, double[] y) {
    }

    private static final double LEFT = 46;
    private static final double BOTTOM = 34;
    private static final double TOP = 26;
    private static final double RIGHT = 12;

    private final Canvas canvas = new Canvas();
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean diagonal;
    private final List<Series> series = new ArrayList<>();
    private double[] marker;
    private Color ink = Color.web("#1f2328");
    private Color grid = Color.web("#d0d7de");

    public CurveChart(String title, String xLabel, String yLabel, boolean diagonal) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.diagonal = diagonal;
        getChildren().add(canvas);
        setMinSize(170, 160);
        setPrefSize(360, 300);
    }

    public void setSeries(List<Series> curves) {
        series.clear();
        series.addAll(curves);
        draw();
    }

    /** The operating point of the first curve, or null for none. */
    public void setMarker(double x, double y) {
        marker = new double[] {x, y};
        draw();
    }

    public void setColours(Color inkColour, Color gridColour) {
        ink = inkColour;
        grid = gridColour;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double px(double x) {
        return LEFT + x * (canvas.getWidth() - LEFT - RIGHT);
    }

    private double py(double y) {
        return canvas.getHeight() - BOTTOM - y * (canvas.getHeight() - BOTTOM - TOP);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setStroke(grid);
        g.setFill(ink);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 4; k++) {
            double v = k / 4.0;
            g.strokeLine(px(0), py(v), px(1), py(v));
            g.strokeLine(px(v), py(0), px(v), py(1));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(String.format("%.2f", v), px(0) - 5, py(v));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(String.format("%.2f", v), px(v), py(0) + 12);
        }
        if (diagonal) {
            g.setLineDashes(4, 4);
            g.strokeLine(px(0), py(0), px(1), py(1));
            g.setLineDashes();
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xLabel, px(0.5), h - 8);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.fillText(title, 6, 12);
        g.setFont(Font.font(11));
        g.save();
        g.translate(10, py(0.5));
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();

        // The legend ends at the plot's right edge, as far left as its longest name needs; where a
        // name with its figure is wider than the plot, the figure goes on a line of its own, so no word is cut.
        boolean split = widest(series.stream().map(Series::name).toList(), g.getFont()) + 26 > px(1) - px(0);
        List<List<String>> entries = new ArrayList<>();
        for (Series curve : series) {
            int figure = curve.name().indexOf(" (");
            entries.add(split && figure > 0 ? List.of(curve.name().substring(0, figure), curve.name().substring(figure + 1))
                    : List.of(curve.name()));
        }
        double widest = widest(entries.stream().flatMap(List::stream).toList(), g.getFont());
        double legendX = Math.max(px(0) + 4, px(1) - widest - 26);
        double legendY = py(0) - 10 - 14 * (entries.stream().mapToInt(List::size).sum() - 1);
        for (int s = 0; s < series.size(); s++) {
            Series curve = series.get(s);
            g.setStroke(curve.colour());
            g.setLineWidth(2);
            g.beginPath();
            for (int i = 0; i < curve.x().length; i++) {
                if (i == 0) {
                    g.moveTo(px(curve.x()[i]), py(curve.y()[i]));
                } else {
                    g.lineTo(px(curve.x()[i]), py(curve.y()[i]));
                }
            }
            g.stroke();
            g.setFill(curve.colour());
            g.fillRect(legendX, legendY - 4, 14, 8);
            g.setFill(ink);
            g.setTextAlign(TextAlignment.LEFT);
            for (String line : entries.get(s)) {
                g.fillText(line, legendX + 20, legendY);
                legendY += 14;
            }
        }
        if (marker != null && !series.isEmpty()) {
            g.setFill(series.get(0).colour());
            g.setStroke(ink);
            g.setLineWidth(2);
            g.fillOval(px(marker[0]) - 6, py(marker[1]) - 6, 12, 12);
            g.strokeOval(px(marker[0]) - 6, py(marker[1]) - 6, 12, 12);
        }
    }

    private static double widest(List<String> texts, Font font) {
        double widest = 0;
        for (String text : texts) {
            Text measured = new Text(text);
            measured.setFont(font);
            widest = Math.max(widest, measured.getLayoutBounds().getWidth());
        }
        return widest;
    }
}
