package org.embex.desktop.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

import org.embex.compare.ModelComparison;
import org.embex.compare.ModelMetrics;
import org.embex.corpus.TextRow;
import org.embex.desktop.controls.WrappingCell;
import org.embex.desktop.map.ColourBy;
import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.Legend;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.PointStyle;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.ModelPair;
import org.embex.usecase.Percent;
import org.embex.usecase.SideBySide;

/**
 * Two models' maps side by side, the second turned onto the first, with hover, clicks and
 * selections linked: a text pointed at in one map is ringed in the other, and a click lists
 * each model's own neighbours of it. Colours show labels or how much each text's neighbours
 * agree; below, the metrics of both models and the texts they disagree on most.
 */
public final class ComparePane extends BorderPane {

    static final String BY_LABEL = "Label";
    static final String BY_AGREEMENT = "Neighbour agreement";
    private static final int LISTED = 100;

    private final MapView first = new MapView();
    private final MapView second = new MapView();
    private final Label firstTitle = new Label();
    private final Label secondTitle = new Label();
    private final Label summary = new Label();
    private final ComboBox<String> colourBy = new ComboBox<>();
    private final GridPane metrics = new GridPane();
    private final ListView<Disagreement> disagreements = new ListView<>();
    /** What the colours mean on both maps: labels, or the agreement's colour bar; an entry switched off hides its points on both. */
    private final Legend legend = new Legend();
    private Colouring colouring;
    private final Button stsButton = new Button("Score STS pairs…");
    private double[] sts;
    private ModelPair pair;

    /** One line of the disagreement list. */
    public record Disagreement(int row, double overlap, String label, String text) {

        @Override
        public String toString() {
            return String.format("%.2f  %-14s %s", overlap, label == null ? "" : label, text);
        }
    }

    public ComparePane() {
        setPadding(new Insets(10));
        first.setId("compare-first");
        second.setId("compare-second");
        colourBy.setId("compare-colour");
        disagreements.setId("disagreements");
        WrappingCell.wrap(disagreements);
        metrics.setId("compare-metrics");
        metrics.setHgap(18);
        metrics.setVgap(4);
        summary.getStyleClass().add("pane-heading");
        for (Label title : List.of(firstTitle, secondTitle)) {
            title.getStyleClass().add("pane-heading");
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
        }
        colourBy.getItems().setAll(BY_LABEL, BY_AGREEMENT);
        colourBy.setValue(BY_LABEL);
        colourBy.valueProperty().addListener((o, was, now) -> recolour());

        VBox left = new VBox(4, firstTitle, first);
        VBox right = new VBox(4, secondTitle, second);
        VBox.setVgrow(first, Priority.ALWAYS);
        VBox.setVgrow(second, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        first.setPrefSize(600, 520);
        second.setPrefSize(600, 520);
        legend.setPrefWidth(210);
        legend.setMinWidth(180);
        legend.onHiddenChanged(categories -> {
            if (colouring != null) {
                first.setHidden(colouring.pointsIn(categories));
                second.setHidden(colouring.pointsIn(categories));
            }
        });
        HBox maps = new HBox(10, left, right, legend);

        stsButton.setTooltip(new Tooltip("Sentence pairs with a gold score (sentence1, sentence2, score): "
                + "each model's Spearman joins the metrics"));
        // The summary takes the room the controls leave and wraps; the controls keep their words.
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        stsButton.setMinWidth(Region.USE_PREF_SIZE);
        colourBy.setMinWidth(Region.USE_PREF_SIZE);
        Label colourName = new Label("Colour");
        colourName.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, summary, colourName, colourBy, stsButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        disagreements.setPrefHeight(200);
        HBox.setHgrow(disagreements, Priority.ALWAYS);
        Label listTitle = new Label("Texts whose neighbours differ most (overlap of the 10 nearest)");
        listTitle.setWrapText(true);
        listTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox listBox = new VBox(4, listTitle, disagreements);
        HBox.setHgrow(listBox, Priority.ALWAYS);
        // The figures keep their width; the list beside them takes what is left and wraps its texts.
        metrics.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(16, metrics, listBox);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        setTop(top);
        setCenter(maps);
        setBottom(bottom);

        first.onPointClicked(this::focus);
        second.onPointClicked(this::focus);
        first.onHover(second::setLinkedHover);
        second.onHover(first::setLinkedHover);
        first.onSelection(this::select);
        second.onSelection(this::select);
        disagreements.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                first.centreOn(now.row());
                second.centreOn(now.row());
                focus(now.row());
            }
        });
    }

    public void show(SideBySide sides) {
        ModelPair shown = sides.pair();
        pair = shown;
        sts = null;
        ModelComparison comparison = shown.comparison();
        summary.setText(String.format("%s vs %s · %,d texts · %d-NN overlap mean %.3f, median %.3f", shown.first().model(),
                shown.second().model(), shown.first().size(), comparison.k(), comparison.meanOverlap(),
                comparison.medianOverlap()));
        firstTitle.setText(shown.first().model());
        secondTitle.setText(shown.second().model() + " (turned onto the left map)");
        PointStyle style = PointStyle.forPoints(shown.first().size());
        first.setLayout(sides.firstLayout());
        second.setLayout(sides.secondLayout());
        first.setPointStyle(style);
        second.setPointStyle(style);
        first.describeWith(row -> describe(shown.first(), row));
        second.describeWith(row -> describe(shown.second(), row));
        recolour();
        showMetrics();
        List<Disagreement> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(LISTED, comparison.mostDisagreeing().length); r++) {
            int row = comparison.mostDisagreeing()[r];
            TextRow text = shown.first().row(row);
            rows.add(new Disagreement(row, comparison.overlap()[row], text.label(), text.text()));
        }
        disagreements.getItems().setAll(rows);
    }

    private String describe(EmbeddedCorpus corpus, int row) {
        TextRow text = corpus.row(row);
        return text.text() + (text.label() == null ? "" : "\n— " + text.label())
                + String.format("%nneighbour agreement %.1f", pair.comparison().overlap()[row]);
    }

    private void recolour() {
        if (pair == null) {
            return;
        }
        colouring = BY_AGREEMENT.equals(colourBy.getValue()) || !pair.first().labelled()
                ? Colouring.scores("Neighbour agreement (of the " + pair.comparison().k() + " nearest)", pair.comparison().overlap())
                : ColourBy.label(pair.first());
        first.setColouring(colouring);
        second.setColouring(colouring);
        first.setHidden(new BitSet());
        second.setHidden(new BitSet());
        legend.show(colouring);
    }

    private void showMetrics() {
        metrics.getChildren().clear();
        ModelMetrics a = pair.comparison().first();
        ModelMetrics b = pair.comparison().second();
        metrics.addRow(0, new Label(""), bold(a.model()), bold(b.model()));
        metrics.addRow(1, new Label("k-NN label accuracy"), rate(a.knnLabelAccuracy()), rate(b.knnLabelAccuracy()));
        metrics.addRow(2, new Label("label silhouette"), figure(a.labelSilhouette()), figure(b.labelSilhouette()));
        metrics.addRow(3, new Label("gate AUROC"), figure(pair.firstGateAuroc()), figure(pair.secondGateAuroc()));
        if (sts != null) {
            metrics.addRow(4, new Label("STS Spearman"), new Label(String.format("%.4f", sts[0])),
                    new Label(String.format("%.4f", sts[1])));
        }
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pane-heading");
        return label;
    }

    /** A rate, as a percentage (docs/decisions/0011). */
    private static Label rate(OptionalDouble value) {
        return new Label(value.isPresent() ? Percent.of(value.getAsDouble()) : "—");
    }

    private static Label figure(OptionalDouble value) {
        return new Label(value.isPresent() ? String.format("%.3f", value.getAsDouble()) : "—");
    }

    /** Called with the pairs file the user picked. */
    public void onStsFile(Consumer<Path> listener) {
        stsButton.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("STS pairs");
            java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                listener.accept(file.toPath());
            }
        });
    }

    /** Adds both models' STS Spearman to the metrics. */
    public void showSts(double first, double second) {
        sts = new double[] {first, second};
        showMetrics();
    }

    /** Rings a text in both maps and marks each model's own nearest neighbours of it. */
    public void focus(int row) {
        first.setNeighbours(row, pair.comparison().firstNeighbours().rows()[row], null);
        second.setNeighbours(row, pair.comparison().secondNeighbours().rows()[row], null);
    }

    public void select(BitSet rows) {
        first.setSelection(rows);
        second.setSelection(rows);
    }

    public void setDark(boolean dark) {
        for (MapView map : List.of(first, second)) {
            map.setColours(dark ? 0x0D1117 : 0xFFFFFF, Color.web(dark ? "#f0f6fc" : "#1f2328"));
        }
    }

    public MapView firstMap() {
        return first;
    }

    public MapView secondMap() {
        return second;
    }
}
