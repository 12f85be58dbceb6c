package org.embex.desktop.tuning;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.embex.desktop.controls.TextColumns;
import org.embex.neighbours.IndexSweep;
import org.embex.neighbours.NeighbourSearch;
import org.embex.neighbours.SearchSetting;
import org.embex.usecase.EmbeddedCorpus;

/**
 * The index sweep on screen: the chart of recall against time, the table of every setting with its
 * build time and memory, and the buttons that keep a setting for the corpus or give the choice back
 * to its size. A row picked in the table is ringed on the chart.
 */
public final class IndexTuningPane extends BorderPane {

    private final Label summary = new Label("Sweeping…");
    private final Label keptNow = new Label();
    private final SweepChart chart = new SweepChart();
    private final TableView<IndexSweep.Setting> table = new TableView<>();
    private final Button keep = new Button("Keep for this corpus");
    private final Button bySize = new Button("Choose by size again");

    public IndexTuningPane() {
        setPadding(new Insets(10));
        summary.getStyleClass().add("pane-heading");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        keptNow.setId("tuning-kept");
        keptNow.getStyleClass().add("text-muted");
        keptNow.setWrapText(true);
        keep.setId("tuning-keep");
        bySize.setId("tuning-by-size");
        keep.setDisable(true);
        table.setId("tuning-settings");
        table.getColumns().add(TextColumns.of("setting", IndexSweep.Setting::label, 240));
        table.getColumns().add(TextColumns.of("recall", setting -> String.format("%.4f", setting.recall()), 64));
        table.getColumns().add(TextColumns.of("ms", setting -> String.format("%.3f", setting.millis()), 56));
        table.getColumns().add(TextColumns.of("build s", setting -> String.format("%.1f", setting.buildSeconds()), 60));
        table.getColumns().add(TextColumns.of("B/row", setting -> String.format("%,.0f", setting.bytesPerPoint()), 56));
        table.getColumns().add(TextColumns.of("front", setting -> setting.pareto() ? "✓" : "", 48));
        // Each column as wide as its heading at least: a cut heading reads as nothing.
        table.getColumns().forEach(column -> column.setMinWidth(column.getText().length() * 8 + 24));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            chart.choose(now);
            keep.setDisable(now == null || now.keepable().isEmpty());
        });
        FlowPane actions = new FlowPane(10, 6, keep, bySize, keptNow);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(8, 0, 0, 0));
        BorderPane lower = new BorderPane(table, null, null, actions, null);
        SplitPane split = new SplitPane(chart, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(summary);
        BorderPane.setMargin(summary, new Insets(0, 0, 8, 0));
        setCenter(split);
    }

    public void show(EmbeddedCorpus corpus, IndexSweep sweep, Optional<SearchSetting> kept) {
        summary.setText(String.format("%s · %s · %,d rows · %s: %d rows held out as queries, their %d nearest by exact search the truth",
                corpus.spec().file().getFileName(), corpus.model(), corpus.size(), sweep.metric().label(), sweep.queries(), sweep.k()));
        table.getItems().setAll(sweep.settings());
        chart.show(sweep, kept);
        showKept(kept);
    }

    public void showKept(Optional<SearchSetting> kept) {
        chart.setKept(kept);
        keptNow.setText(kept.map(setting -> "Kept: " + setting + ". Every search of this corpus uses it.")
                .orElse(String.format("Nothing kept: exact search up to %,d rows, the graph index above.", NeighbourSearch.DEFAULT_EXACT_UP_TO)));
    }

    public void onKeep(Consumer<IndexSweep.Setting> listener) {
        keep.setOnAction(event -> {
            IndexSweep.Setting chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                listener.accept(chosen);
            }
        });
    }

    public void onBySize(Runnable listener) {
        bySize.setOnAction(event -> listener.run());
    }

    public void setDark(boolean dark) {
        chart.setInk(dark ? Color.web("#f0f6fc") : Color.web("#1f2328"));
    }

    public SweepChart chart() {
        return chart;
    }

    public TableView<IndexSweep.Setting> table() {
        return table;
    }
}
