package org.embex.desktop.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.embex.desktop.controls.CanvasChart;
import org.embex.desktop.map.Palette;
import org.embex.desktop.threshold.AxisTicks;
import org.embex.usecase.ModelLineup;

/**
 * Speed against quality, one named point per model: texts a second across, a quality figure the
 * corpus allows up, so the small-versus-large choice is read off where the points sit.
 */
public final class ModelChart extends CanvasChart {

    /** A quality figure: its axis title and how to read it from a model's row. */
    public record Quality(String title, Function<ModelLineup.Entry, OptionalDouble> value) {
    }

    private static final double LEFT = 62;
    private static final double RIGHT = 24;
    private static final double TOP = 30;
    private static final double BOTTOM = 44;

    private List<ModelLineup.Entry> entries = List.of();
    private Quality quality;

    public ModelChart() {
        super(300, 220, 620, 380);
    }

    public void show(List<ModelLineup.Entry> shown, Quality chosen) {
        entries = List.copyOf(shown);
        quality = chosen;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        // Vectors a file brought have no speed to place them by: they are in the table.
        List<ModelLineup.Entry> placed = quality == null ? List.of()
                : entries.stream().filter(entry -> entry.cost().isPresent() && quality.value().apply(entry).isPresent()).toList();
        if (placed.isEmpty() || w < LEFT + RIGHT + 60 || h < TOP + BOTTOM + 40) {
            return;
        }
        double fastest = placed.stream().mapToDouble(entry -> entry.cost().orElseThrow().textsPerSecond()).max().orElse(1);
        double lowest = placed.stream().mapToDouble(entry -> quality.value().apply(entry).getAsDouble()).min().orElse(0);
        double highest = placed.stream().mapToDouble(entry -> quality.value().apply(entry).getAsDouble()).max().orElse(1);
        AxisTicks speeds = AxisTicks.between(0, fastest * 1.15, 5);
        double highX = Math.max(fastest * 1.15, speeds.values().get(speeds.values().size() - 1));
        double pad = Math.max(0.02, (highest - lowest) * 0.15);
        AxisTicks qualities = AxisTicks.between(lowest - pad, highest + pad, 5);
        double lowY = Math.min(lowest - pad, qualities.values().get(0));
        double highY = Math.max(highest + pad, qualities.values().get(qualities.values().size() - 1));
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;

        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        text(g, quality.title() + " against speed, each installed model on this corpus", 6, 12);
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double tick : qualities.values()) {
            double y = TOP + plotH - (tick - lowY) / (highY - lowY) * plotH;
            if (y < TOP - 0.5 || y > TOP + plotH + 0.5) {
                continue;
            }
            g.setStroke(ink().deriveColor(0, 1, 1, 0.12));
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setFill(ink());
            text(g, qualities.label(tick), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (double tick : speeds.values()) {
            double x = LEFT + tick / highX * plotW;
            g.setStroke(ink().deriveColor(0, 1, 1, 0.12));
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setFill(ink());
            text(g, speeds.label(tick), x, TOP + plotH + 12);
        }
        g.setStroke(ink().deriveColor(0, 1, 1, 0.6));
        g.strokeRect(LEFT, TOP, plotW, plotH);
        text(g, "texts / s on this machine", LEFT + plotW / 2, h - 10);
        g.save();
        g.translate(14, TOP + plotH / 2);
        g.rotate(-90);
        text(g, quality.title(), 0, 0);
        g.restore();
        for (int m = 0; m < placed.size(); m++) {
            ModelLineup.Entry entry = placed.get(m);
            double x = LEFT + entry.cost().orElseThrow().textsPerSecond() / highX * plotW;
            double y = TOP + plotH - (quality.value().apply(entry).getAsDouble() - lowY) / (highY - lowY) * plotH;
            g.setFill(Color.web(Palette.css(Palette.category(m))));
            g.fillOval(x - 6, y - 6, 12, 12);
            g.setFill(ink());
            boolean right = x > LEFT + plotW * 0.65;
            g.setTextAlign(right ? TextAlignment.RIGHT : TextAlignment.LEFT);
            text(g, entry.name(), x + (right ? -10 : 10), y - 10);
        }
    }

}
