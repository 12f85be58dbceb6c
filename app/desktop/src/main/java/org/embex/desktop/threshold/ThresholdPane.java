package org.embex.desktop.threshold;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

import org.embex.desktop.controls.WrappingCell;
import org.embex.desktop.map.Palette;
import org.embex.threshold.Confusion;
import org.embex.threshold.OperatingPoint;
import org.embex.threshold.RocCurve;
import org.embex.usecase.Percent;
import org.embex.usecase.ThresholdStudy;

/**
 * The threshold workbench: ROC and precision-recall curves, the two score histograms, and a
 * slider whose every position shows the confusion matrix, its rates, and the texts it gets
 * wrong. Presets jump to the usual operating points; the chosen threshold exports as the gate
 * file that {@code ./embex gate} reads.
 */
public final class ThresholdPane extends BorderPane {

    private static final int HISTOGRAM_BINS = 40;
    private static final int LISTED = 200;
    private static final List<String> PRESETS = List.of("Youden", "Best F1", "TPR 95%", "FPR 5%");

    private final CurveChart roc = new CurveChart("ROC", "false positive rate", "true positive rate", true);
    private final CurveChart pr = new CurveChart("Precision–recall", "recall", "precision", false);
    private final HistogramChart histogram = new HistogramChart();
    private final Slider slider = new Slider(0, 1, 0.5);
    private final Label value = new Label();
    private final Label summary = new Label();
    private final Label tp = cell("tp");
    private final Label fn = cell("fn");
    private final Label fp = cell("fp");
    private final Label tn = cell("tn");
    private final Label rates = new Label();
    private final ListView<ScoredText> falseAccepts = new ListView<>();
    private final ListView<ScoredText> falseRejects = new ListView<>();
    private final Button export = new Button("Export gate…");
    private final ToggleGroup presetGroup = new ToggleGroup();
    /** The preset last clicked: pressed rather than another at the same point. */
    private String chosenPreset;
    private final ComboBox<String> describing = new ComboBox<>();
    private final HBox describingRow = new HBox(8);
    private ThresholdStudy study;
    private List<ThresholdStudy> overlays = List.of();
    /** The studies shown, in the order they came: a model's colour is its place here. */
    private List<ThresholdStudy> family = List.of();

    public ThresholdPane() {
        getStyleClass().add("threshold-pane");
        setPadding(new Insets(10));
        slider.setId("threshold-slider");
        value.setId("threshold-value");
        value.getStyleClass().add("title-3");
        rates.setId("rates");
        // Two lines of rates: the lists below grow, this label must not be squeezed to one.
        rates.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("study-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("text-muted");
        export.setId("export-gate");
        falseAccepts.setId("false-accepts");
        falseRejects.setId("false-rejects");
        WrappingCell.wrap(falseAccepts);
        WrappingCell.wrap(falseRejects);

        HBox presets = new HBox(6);
        for (String preset : PRESETS) {
            ToggleButton button = new ToggleButton(preset);
            button.getStyleClass().add("small");
            button.setToggleGroup(presetGroup);
            button.setOnAction(event -> select(preset));
            presets.getChildren().add(button);
        }
        GridPane matrix = new GridPane();
        matrix.setHgap(8);
        matrix.setVgap(6);
        matrix.setId("confusion");
        matrix.addRow(0, new Label(""), header("accepted"), header("refused"));
        matrix.addRow(1, header("positive"), tp, fn);
        matrix.addRow(2, header("negative"), fp, tn);

        VBox.setVgrow(falseAccepts, Priority.ALWAYS);
        VBox.setVgrow(falseRejects, Priority.ALWAYS);
        // With several models' curves overlaid, which one the threshold's tools describe, and a way to switch.
        describing.setId("threshold-model");
        describing.valueProperty().addListener((o, was, now) -> family.stream()
                .filter(other -> other.model().equals(now) && other != study).findFirst().ifPresent(this::describe));
        describingRow.getChildren().setAll(new Label("Describing"), describing);
        describingRow.setAlignment(Pos.CENTER_LEFT);
        describingRow.setVisible(false);
        describingRow.setManaged(false);
        VBox side = new VBox(10, describingRow, new Label("Threshold"), value, slider, presets, matrix, rates, export,
                new Label("False accepts (negatives at or above the threshold)"), falseAccepts,
                new Label("False rejects (positives below the threshold)"), falseRejects);
        // Room for the two curves beside it when the window is half a laptop screen (800 pixels) wide.
        side.setPrefWidth(380);
        side.setMinWidth(300);
        side.setPadding(new Insets(0, 0, 0, 12));

        GridPane charts = new GridPane();
        charts.setHgap(10);
        charts.setVgap(10);
        charts.add(roc, 0, 0);
        charts.add(pr, 1, 0);
        charts.add(histogram, 0, 1, 2, 1);
        for (var chart : List.of(roc, pr, histogram)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
        }
        setTop(summary);
        BorderPane.setMargin(summary, new Insets(0, 0, 8, 0));
        setCenter(charts);
        setRight(side);
        slider.valueProperty().addListener((o, was, now) -> update(now.doubleValue()));
    }

    private static Label cell(String id) {
        Label label = new Label();
        label.setId(id);
        label.setMinWidth(90);
        label.setAlignment(Pos.CENTER);
        label.getStyleClass().add("confusion-cell");
        return label;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    /** Shows a study, with other models' studies of the same question overlaid on the curves. */
    public void show(ThresholdStudy main, List<ThresholdStudy> others) {
        family = new ArrayList<>(List.of(main));
        family.addAll(others);
        describing.getItems().setAll(family.stream().map(ThresholdStudy::model).toList());
        describing.setValue(main.model());
        describingRow.setVisible(!others.isEmpty());
        describingRow.setManaged(!others.isEmpty());
        describe(main);
    }

    /**
     * Makes {@code main} the study the threshold, the matrix, the histogram and the lists describe
     * (and whose gate exports); the others stay overlaid on the curves, each in its own colour.
     */
    private void describe(ThresholdStudy main) {
        study = main;
        overlays = family.stream().filter(other -> other != main).toList();
        RocCurve curve = main.curve();
        summary.setText(String.format("%s · %s · AUROC %.4f · average precision %.4f", main.model(), main.source(),
                curve.auc(), curve.averagePrecision()));
        List<CurveChart.Series> rocs = new ArrayList<>();
        List<CurveChart.Series> prs = new ArrayList<>();
        // The described study's curves first (drawn last, on top); a model keeps its colour whichever is described.
        List<ThresholdStudy> all = new ArrayList<>(List.of(main));
        all.addAll(overlays);
        for (int s = 0; s < all.size(); s++) {
            RocCurve c = all.get(s).curve();
            Color colour = Color.web(Palette.css(Palette.category(family.indexOf(all.get(s)))));
            double[] fpr = new double[c.points()];
            double[] tpr = new double[c.points()];
            double[] precision = new double[c.points()];
            for (int p = 0; p < c.points(); p++) {
                fpr[p] = c.fpr(p);
                tpr[p] = c.tpr(p);
                precision[p] = c.precision(p);
            }
            // The header's precision, so one figure never reads as two (0.9419 and 0.942).
            String name = String.format("%s (AUROC %.4f)", all.get(s).model(), c.auc());
            rocs.add(new CurveChart.Series(name, colour, fpr, tpr));
            prs.add(new CurveChart.Series(String.format("%s (AP %.4f)", all.get(s).model(), c.averagePrecision()), colour,
                    tpr, precision));
        }
        roc.setSeries(rocs);
        pr.setSeries(prs);
        // With other models' curves overlaid, the threshold's tools still describe this model alone: the histogram says which.
        histogram.setHistogram(curve.histogram(HISTOGRAM_BINS), overlays.isEmpty() ? "Scores" : "Scores of " + main.model(),
                "positive", "negative");
        double low = java.util.Arrays.stream(main.scores()).min().orElse(0);
        double high = java.util.Arrays.stream(main.scores()).max().orElse(1);
        slider.setMin(low);
        // Just above the top score: "accept nothing" is a threshold too (atFpr returns it).
        slider.setMax(Math.nextUp(high));
        export.setDisable(main.gate().isEmpty());
        OperatingPoint youden = curve.youden();
        if (slider.getValue() == youden.threshold()) {
            update(youden.threshold());
        } else {
            slider.setValue(youden.threshold());
        }
    }

    /** Moves the threshold to a preset operating point. */
    public void select(String preset) {
        chosenPreset = preset;
        slider.setValue(operatingPoint(preset).threshold());
        showPreset(slider.getValue());
    }

    private OperatingPoint operatingPoint(String preset) {
        RocCurve curve = study.curve();
        return switch (preset) {
            case "Best F1" -> curve.bestF1();
            case "TPR 95%" -> curve.atTpr(0.95);
            case "FPR 5%" -> curve.atFpr(0.05);
            default -> curve.youden();
        };
    }

    /**
     * The preset whose operating point the threshold is at shows as pressed (the one last chosen,
     * when two share the point); moved elsewhere, none does.
     */
    private void showPreset(double threshold) {
        Toggle pressed = null;
        for (Toggle toggle : presetGroup.getToggles()) {
            String preset = ((ToggleButton) toggle).getText();
            if (operatingPoint(preset).threshold() == threshold && (pressed == null || preset.equals(chosenPreset))) {
                pressed = toggle;
            }
        }
        presetGroup.selectToggle(pressed);
    }

    /** The preset shown as pressed, if any. */
    Optional<String> activePreset() {
        return Optional.ofNullable((ToggleButton) presetGroup.getSelectedToggle()).map(ToggleButton::getText);
    }

    public void setThreshold(double threshold) {
        slider.setValue(threshold);
    }

    /** The threshold as it is moved. */
    public ObservableDoubleValue thresholdProperty() {
        return slider.valueProperty();
    }

    public double threshold() {
        return slider.getValue();
    }

    /** Called with a corpus row when the user picks a misjudged text. */
    public void onRowPicked(IntConsumer listener) {
        for (ListView<ScoredText> list : List.of(falseAccepts, falseRejects)) {
            list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (now != null && now.row() >= 0) {
                    listener.accept(now.row());
                }
            });
        }
    }

    /** Called with the gate file the user chose. */
    public void onExport(java.util.function.Consumer<Path> listener) {
        export.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export gate");
            chooser.setInitialFileName("gate.json");
            java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                listener.accept(file.toPath());
            }
        });
    }

    /** The study on show (the first one, whose gate exports), or null. */
    public ThresholdStudy study() {
        return study;
    }

    private void update(double threshold) {
        if (study == null) {
            return;
        }
        Confusion confusion = study.curve().at(threshold);
        value.setText(String.format("%.4f", threshold));
        tp.setText(String.valueOf(confusion.truePositives()));
        fn.setText(String.valueOf(confusion.falseNegatives()));
        fp.setText(String.valueOf(confusion.falsePositives()));
        tn.setText(String.valueOf(confusion.trueNegatives()));
        // Rates as percentages, as every face prints them in text (docs/decisions/0011).
        rates.setText(String.format("TPR %s   FPR %s   precision %s%nF1 %s   accuracy %s", Percent.of(confusion.tpr()),
                Percent.of(confusion.fpr()), Percent.of(confusion.precision()), Percent.of(confusion.f1()),
                Percent.of(confusion.accuracy())));
        roc.setMarker(confusion.fpr(), confusion.tpr());
        pr.setMarker(confusion.tpr(), confusion.precision());
        histogram.setThreshold(threshold);
        showPreset(threshold);
        List<ScoredText> accepts = new ArrayList<>();
        List<ScoredText> rejects = new ArrayList<>();
        for (int i = 0; i < study.scores().length; i++) {
            boolean accepted = study.scores()[i] >= threshold;
            if (accepted && !study.positive()[i]) {
                accepts.add(new ScoredText(study.scores()[i], study.texts().get(i), study.rows()[i]));
            } else if (!accepted && study.positive()[i]) {
                rejects.add(new ScoredText(study.scores()[i], study.texts().get(i), study.rows()[i]));
            }
        }
        accepts.sort(Comparator.comparingDouble(ScoredText::score).reversed());
        rejects.sort(Comparator.comparingDouble(ScoredText::score));
        falseAccepts.getItems().setAll(accepts.subList(0, Math.min(LISTED, accepts.size())));
        falseRejects.getItems().setAll(rejects.subList(0, Math.min(LISTED, rejects.size())));
    }

    /** Chart colours for the light or dark theme. */
    public void setDark(boolean dark) {
        Color ink = Color.web(dark ? "#f0f6fc" : "#1f2328");
        Color grid = Color.web(dark ? "#30363d" : "#d0d7de");
        roc.setColours(ink, grid);
        pr.setColours(ink, grid);
        histogram.setInk(ink);
    }

    HistogramChart histogram() {
        return histogram;
    }
}
