package org.embex.desktop.tuning;

import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.embex.embed.BatchSweep;
import org.embex.embed.EmbedderOptions;

/**
 * The batch sweep on screen: the chart of texts a second against the batch size per split of the
 * cores, and the buttons that keep the fastest setting for the model's later embeddings or go back
 * to the defaults.
 */
public final class BatchTuningPane extends BorderPane {

    private final Label summary = new Label();
    private final Label keptNow = new Label();
    private final BatchChart chart = new BatchChart();
    private final Button keep = new Button("Keep the fastest for this model");
    private final Button defaults = new Button("Back to the defaults");

    public BatchTuningPane() {
        setPadding(new Insets(10));
        summary.getStyleClass().add("pane-heading");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        keptNow.setId("batch-kept");
        keptNow.getStyleClass().add("text-muted");
        keptNow.setWrapText(true);
        keep.setId("batch-keep");
        defaults.setId("batch-defaults");
        FlowPane actions = new FlowPane(10, 6, keep, defaults, keptNow);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(8, 0, 0, 0));
        setTop(summary);
        BorderPane.setMargin(summary, new Insets(0, 0, 8, 0));
        setCenter(chart);
        setBottom(actions);
    }

    public void show(BatchSweep sweep, Optional<EmbedderOptions> kept) {
        BatchSweep.Measured best = sweep.best();
        summary.setText(String.format("%s: fastest at %s, %.0f texts/s%s", sweep.model(), best.label(), best.textsPerSecond(),
                sweep.quantized() ? " (quantized: one text a run, nothing to keep)" : ""));
        keep.setDisable(sweep.quantized());
        chart.show(sweep, kept);
        showKept(kept);
    }

    public void showKept(Optional<EmbedderOptions> kept) {
        chart.setKept(kept);
        keptNow.setText(kept.map(options -> String.format("Kept: batch %d, %d session(s) × %d thread(s) for this model's embeddings.",
                options.batchSize(), options.sessions(), options.threadsPerSession())).orElse("Nothing kept: the defaults."));
    }

    public void onKeep(Runnable listener) {
        keep.setOnAction(event -> listener.run());
    }

    public void onDefaults(Runnable listener) {
        defaults.setOnAction(event -> listener.run());
    }

    public void setDark(boolean dark) {
        chart.setInk(dark ? Color.web("#f0f6fc") : Color.web("#1f2328"));
    }

    public BatchChart chart() {
        return chart;
    }
}
