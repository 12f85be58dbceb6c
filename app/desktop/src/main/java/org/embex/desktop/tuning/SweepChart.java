package org.embex.desktop.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.embex.desktop.controls.CanvasChart;
import org.embex.desktop.map.Palette;
import org.embex.desktop.threshold.AxisTicks;
import org.embex.neighbours.IndexSweep;
import org.embex.neighbours.SearchSetting;

/**
 * Recall against query time, one point per setting: embex's graph index and Lucene's HNSW in two
 * colours, exact search as a grey square at recall 1, the Pareto front as a dashed line through the
 * settings no other beats on both, the chosen setting ringed and the kept one named. Time on a
 * logarithmic axis: the settings span two orders of magnitude.
 */
public final class SweepChart extends CanvasChart {

    static final Color GRAPH = Color.web(Palette.css(Palette.category(0)));
    static final Color HNSW = Color.web(Palette.css(Palette.category(1)));
    static final Color EXACT = Color.web(Palette.css(Palette.NEUTRAL));
    private static final double LEFT = 58;
    private static final double RIGHT = 18;
    private static final double TOP = 30;
    private static final double BOTTOM = 44;

    private IndexSweep sweep;
    private IndexSweep.Setting chosen;
    private Optional<SearchSetting> kept = Optional.empty();

    public SweepChart() {
        super(300, 220, 620, 420);
    }

    public void show(IndexSweep shown, Optional<SearchSetting> keptSetting) {
        sweep = shown;
        kept = keptSetting;
        chosen = null;
        redraw();
    }

    public void choose(IndexSweep.Setting setting) {
        chosen = setting;
        redraw();
    }

    public void setKept(Optional<SearchSetting> keptSetting) {
        kept = keptSetting;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (sweep == null || w < LEFT + RIGHT + 60 || h < TOP + BOTTOM + 40) {
            return;
        }
        double fastest = sweep.settings().stream().mapToDouble(IndexSweep.Setting::millis).min().orElse(0.01);
        double slowest = sweep.settings().stream().mapToDouble(IndexSweep.Setting::millis).max().orElse(1);
        double lowX = Math.log10(Math.max(1e-4, fastest) / 1.3);
        double highX = Math.log10(Math.max(fastest * 2, slowest) * 1.3);
        double worst = sweep.settings().stream().mapToDouble(IndexSweep.Setting::recall).min().orElse(0);
        AxisTicks recallTicks = AxisTicks.between(Math.max(0, worst - 0.02), 1, 5);
        double lowY = Math.min(recallTicks.values().get(0), Math.max(0, worst - 0.02));
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        Frame frame = new Frame(lowX, highX, lowY, 1.0, plotW, plotH);

        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        text(g, String.format("Recall@%d against query time · %d queries", sweep.k(), sweep.queries()), 6, 12);
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        for (double tick : recallTicks.values()) {
            if (tick < lowY) {
                continue;
            }
            double y = frame.y(tick);
            g.setStroke(ink().deriveColor(0, 1, 1, 0.12));
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setFill(ink());
            g.setTextAlign(TextAlignment.RIGHT);
            text(g, recallTicks.label(tick), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (double tick : logTicks(lowX, highX)) {
            double x = frame.x(Math.log10(tick));
            g.setStroke(ink().deriveColor(0, 1, 1, 0.12));
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setFill(ink());
            text(g, tickLabel(tick), x, TOP + plotH + 12);
        }
        g.setStroke(ink().deriveColor(0, 1, 1, 0.6));
        g.strokeRect(LEFT, TOP, plotW, plotH);
        text(g, "median query time, ms (log scale)", LEFT + plotW / 2, h - 10);
        g.save();
        g.translate(14, TOP + plotH / 2);
        g.rotate(-90);
        text(g, "recall@" + sweep.k(), 0, 0);
        g.restore();

        // The front first, under the points: a step line in time order.
        List<IndexSweep.Setting> front = new ArrayList<>(sweep.front());
        front.sort(Comparator.comparingDouble(IndexSweep.Setting::millis));
        g.setStroke(ink().deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        for (int i = 1; i < front.size(); i++) {
            IndexSweep.Setting a = front.get(i - 1);
            IndexSweep.Setting b = front.get(i);
            g.strokeLine(frame.x(Math.log10(a.millis())), frame.y(a.recall()), frame.x(Math.log10(b.millis())), frame.y(a.recall()));
            g.strokeLine(frame.x(Math.log10(b.millis())), frame.y(a.recall()), frame.x(Math.log10(b.millis())), frame.y(b.recall()));
        }
        g.setLineDashes();
        for (IndexSweep.Setting setting : sweep.settings()) {
            double x = frame.x(Math.log10(setting.millis()));
            double y = frame.y(setting.recall());
            Color colour = colour(setting);
            g.setFill(colour.deriveColor(0, 1, 1, setting.pareto() ? 1 : 0.55));
            if (setting.index().equals(IndexSweep.EXACT)) {
                g.fillRect(x - 5, y - 5, 10, 10);
            } else {
                g.fillOval(x - 4, y - 4, 8, 8);
            }
            boolean isKept = kept.isPresent() && setting.keepable().equals(kept);
            if (isKept) {
                g.setStroke(ink());
                g.setLineWidth(2);
                g.strokeOval(x - 8, y - 8, 16, 16);
                g.setFill(ink());
                g.setFont(Font.font(null, FontWeight.BOLD, 11));
                g.setTextAlign(x > LEFT + plotW * 0.7 ? TextAlignment.RIGHT : TextAlignment.LEFT);
                text(g, " kept ", x + (x > LEFT + plotW * 0.7 ? -10 : 10), y - 12);
                g.setFont(Font.font(11));
            }
        }
        if (chosen != null) {
            double x = frame.x(Math.log10(chosen.millis()));
            double y = frame.y(chosen.recall());
            g.setStroke(ink());
            g.setLineWidth(1.5);
            g.strokeOval(x - 7, y - 7, 14, 14);
        }
        legend(g, LEFT + 10, TOP + plotH - 58);
    }

    private void legend(GraphicsContext g, double x, double y) {
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        String[] names = {IndexSweep.GRAPH, IndexSweep.HNSW, "exact search", "Pareto front"};
        Color[] colours = {GRAPH, HNSW, EXACT, null};
        for (int i = 0; i < names.length; i++) {
            double row = y + 15 * i;
            if (colours[i] == null) {
                g.setStroke(ink().deriveColor(0, 1, 1, 0.7));
                g.setLineDashes(5, 4);
                g.strokeLine(x - 2, row, x + 12, row);
                g.setLineDashes();
            } else {
                g.setFill(colours[i]);
                g.fillOval(x, row - 4, 8, 8);
            }
            g.setFill(ink());
            text(g, names[i], x + 18, row);
        }
    }

    private static Color colour(IndexSweep.Setting setting) {
        return switch (setting.index()) {
            case IndexSweep.GRAPH -> GRAPH;
            case IndexSweep.HNSW -> HNSW;
            default -> EXACT;
        };
    }

    /** Ticks at 1, 2 and 5 times the powers of ten within the range (log10 bounds). */
    private static List<Double> logTicks(double low, double high) {
        List<Double> ticks = new ArrayList<>();
        for (int power = (int) Math.floor(low); power <= Math.ceil(high); power++) {
            for (int step : new int[] {1, 2, 5}) {
                double value = step * Math.pow(10, power);
                double log = Math.log10(value);
                if (log >= low && log <= high) {
                    ticks.add(value);
                }
            }
        }
        return ticks;
    }

    private static String tickLabel(double value) {
        if (value >= 1) {
            return String.format("%.0f", value);
        }
        int decimals = (int) Math.ceil(-Math.log10(value) - 1e-9);
        return String.format("%." + decimals + "f", value);
    }

    /** The plot's ranges and size: where a (log time, recall) pair lands. */
    private record Frame(double lowX, double highX, double lowY, double highY, double plotW, double plotH) {

        double x(double logMillis) {
            return LEFT + (logMillis - lowX) / (highX - lowX) * plotW;
        }

        double y(double recall) {
            return TOP + plotH - (recall - lowY) / (highY - lowY) * plotH;
        }
    }
}
