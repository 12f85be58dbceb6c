package org.embex.desktop.tuning;

import java.util.ArrayList;
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
import org.embex.embed.BatchSweep;
import org.embex.embed.EmbedderOptions;

/**
 * Texts a second against the batch size, one line per split of the cores (sessions × threads),
 * batch sizes on a doubling axis; the fastest setting ringed, the kept one named.
 */
public final class BatchChart extends CanvasChart {

    private static final double LEFT = 62;
    private static final double RIGHT = 18;
    private static final double TOP = 30;
    private static final double BOTTOM = 44;

    private BatchSweep sweep;
    private Optional<EmbedderOptions> kept = Optional.empty();

    public BatchChart() {
        super(300, 220, 620, 400);
    }

    public void show(BatchSweep shown, Optional<EmbedderOptions> keptOptions) {
        sweep = shown;
        kept = keptOptions;
        redraw();
    }

    public void setKept(Optional<EmbedderOptions> keptOptions) {
        kept = keptOptions;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (sweep == null || w < LEFT + RIGHT + 60 || h < TOP + BOTTOM + 40) {
            return;
        }
        List<Integer> sizes = sweep.settings().stream().map(m -> m.options().batchSize()).distinct().sorted().toList();
        double lowX = log2(sizes.get(0));
        double highX = Math.max(lowX + 1, log2(sizes.get(sizes.size() - 1)));
        double fastest = sweep.best().textsPerSecond();
        AxisTicks rates = AxisTicks.between(0, fastest * 1.1, 5);
        double highY = Math.max(fastest * 1.1, rates.values().get(rates.values().size() - 1));
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;

        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        text(g, String.format("%s · texts a second on %,d of the corpus's texts%s", sweep.model(), sweep.texts(),
                sweep.quantized() ? " · quantized: one text a run" : ""), 6, 12);
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        for (double tick : rates.values()) {
            double y = TOP + plotH - tick / highY * plotH;
            g.setStroke(ink().deriveColor(0, 1, 1, 0.12));
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setFill(ink());
            g.setTextAlign(TextAlignment.RIGHT);
            text(g, rates.label(tick), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int size : sizes) {
            double x = x(size, lowX, highX, plotW);
            g.setStroke(ink().deriveColor(0, 1, 1, 0.12));
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setFill(ink());
            text(g, String.valueOf(size), x, TOP + plotH + 12);
        }
        g.setStroke(ink().deriveColor(0, 1, 1, 0.6));
        g.strokeRect(LEFT, TOP, plotW, plotH);
        text(g, "texts a run (batch size)", LEFT + plotW / 2, h - 10);
        g.save();
        g.translate(14, TOP + plotH / 2);
        g.rotate(-90);
        text(g, "texts / s", 0, 0);
        g.restore();

        List<String> splits = new ArrayList<>();
        for (BatchSweep.Measured measured : sweep.settings()) {
            String split = split(measured.options());
            if (!splits.contains(split)) {
                splits.add(split);
            }
        }
        for (int s = 0; s < splits.size(); s++) {
            Color colour = Color.web(Palette.css(Palette.category(s)));
            String split = splits.get(s);
            List<BatchSweep.Measured> line = sweep.settings().stream().filter(m -> split(m.options()).equals(split))
                    .sorted((a, b) -> Integer.compare(a.options().batchSize(), b.options().batchSize())).toList();
            g.setStroke(colour);
            g.setLineWidth(2);
            for (int i = 1; i < line.size(); i++) {
                g.strokeLine(x(line.get(i - 1).options().batchSize(), lowX, highX, plotW), y(line.get(i - 1).textsPerSecond(), highY, plotH),
                        x(line.get(i).options().batchSize(), lowX, highX, plotW), y(line.get(i).textsPerSecond(), highY, plotH));
            }
            g.setFill(colour);
            for (BatchSweep.Measured measured : line) {
                g.fillOval(x(measured.options().batchSize(), lowX, highX, plotW) - 4, y(measured.textsPerSecond(), highY, plotH) - 4, 8, 8);
            }
            double legendY = TOP + plotH - 14 - 15 * (splits.size() - 1 - s);
            g.fillRect(LEFT + plotW - 150, legendY - 4, 14, 8);
            g.setFill(ink());
            g.setTextAlign(TextAlignment.LEFT);
            text(g, split, LEFT + plotW - 130, legendY);
        }
        mark(g, sweep.best(), "fastest", lowX, highX, highY, plotW, plotH, -14);
        sweep.settings().stream().filter(m -> kept.isPresent() && m.options().equals(kept.get())).findFirst()
                .ifPresent(m -> mark(g, m, "kept", lowX, highX, highY, plotW, plotH, 16));
    }

    private void mark(GraphicsContext g, BatchSweep.Measured measured, String name, double lowX, double highX, double highY, double plotW,
                      double plotH, double offset) {
        double x = x(measured.options().batchSize(), lowX, highX, plotW);
        double y = y(measured.textsPerSecond(), highY, plotH);
        g.setStroke(ink());
        g.setLineWidth(2);
        g.strokeOval(x - 8, y - 8, 16, 16);
        g.setFill(ink());
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        g.setTextAlign(x > LEFT + plotW * 0.7 ? TextAlignment.RIGHT : TextAlignment.LEFT);
        text(g, String.format("%s: %.0f/s", name, measured.textsPerSecond()), x + (x > LEFT + plotW * 0.7 ? -10 : 10), y + offset);
        g.setFont(Font.font(11));
    }

    private static String split(EmbedderOptions options) {
        return String.format("%d session%s × %d thread%s", options.sessions(), options.sessions() == 1 ? "" : "s",
                options.threadsPerSession(), options.threadsPerSession() == 1 ? "" : "s");
    }

    private static double log2(int value) {
        return Math.log(value) / Math.log(2);
    }

    private static double x(int size, double lowX, double highX, double plotW) {
        return LEFT + (log2(size) - lowX) / (highX - lowX) * plotW;
    }

    private static double y(double rate, double highY, double plotH) {
        return TOP + plotH - rate / highY * plotH;
    }

}
