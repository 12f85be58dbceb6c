package org.embex.desktop.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.embex.desktop.threshold.ThresholdPane;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.WorkbenchViewModel;
import org.embex.usecase.ThresholdStudy;

/** The threshold workbench in a window of its own beside the map, so a picked text shows on the map. */
final class ThresholdWindow {

    /** The refuse box's first entry: the label found by its usual spellings, as the commands find it. */
    static final String USUAL_SPELLINGS = "out_of_scope, oos, … (found)";

    private final Stage stage = new Stage();
    private final ThresholdPane pane = new ThresholdPane();
    private final ComboBox<String> refuse = new ComboBox<>();
    private final WorkbenchViewModel model;
    private boolean offering;

    /**
     * The refuse box studies the open corpus refusing the label chosen (the usual spellings: the
     * label they find), the window's counterpart of {@code eval gate FILE --out-of-scope LABEL}.
     */
    ThresholdWindow(Window owner, ExplorerViewModel explorer, Themes themes) {
        model = explorer.workbench();
        stage.initOwner(owner);
        stage.setTitle("embex — threshold workbench");
        Button pairs = new Button("Study a pairs file…");
        pairs.setTooltip(new Tooltip("CSV, TSV or JSONL with two texts and a 1/0 label per row (sentence1, sentence2, label)"));
        pairs.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Labelled pairs");
            java.io.File file = chooser.showOpenDialog(stage);
            if (file != null) {
                model.studyPairs(file.toPath());
            }
        });
        Button gate = new Button("Study a gate setup…");
        gate.setTooltip(new Tooltip("Two files with text and label: the in-scope examples, then the queries "
                + "(out-of-scope ones labelled out_of_scope or oos)"));
        gate.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("In-scope examples (the gate's references)");
            java.io.File references = chooser.showOpenDialog(stage);
            if (references != null) {
                chooser.setTitle("Labelled queries");
                java.io.File queries = chooser.showOpenDialog(stage);
                if (queries != null) {
                    model.studyGate(references.toPath(), queries.toPath());
                }
            }
        });
        refuse.setId("refuse-label");
        refuse.setTooltip(new Tooltip("The open corpus's label of texts the gate must refuse "
                + "(as eval gate FILE --out-of-scope LABEL)"));
        refuse.valueProperty().addListener((o, was, now) -> {
            if (!offering && now != null) {
                model.studyCorpus(now.equals(USUAL_SPELLINGS) ? Optional.empty() : Optional.of(now));
            }
        });
        Label hint = new Label("Source: the open corpus's labels, a file of labelled pairs, or examples and queries");
        hint.getStyleClass().add("text-muted");
        // Beside the map on a laptop the window may be half a screen wide: the bar wraps rather than cutting its buttons' words.
        FlowPane bar = new FlowPane(10, 6, new Label("Refuse"), refuse, pairs, gate, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 0, 10));
        Scene scene = Themes.fitted(new BorderPane(pane, bar, null, null, null), 1280, 820);
        stage.setScene(scene);
        pane.onRowPicked(model::pickRow);
        pane.onExport(this::exportTo);
        pane.thresholdProperty().addListener((o, was, now) -> model.choose(now.doubleValue()));
        pane.setDark(themes.dark());
    }

    /** Shows the studies, and for a study of the open corpus offers its labels to refuse. */
    void show(WorkbenchViewModel.Studies shown) {
        List<ThresholdStudy> studies = shown.studies();
        if (!shown.labels().isEmpty()) {
            offerLabels(shown.labels(), shown.refused());
        }
        pane.show(studies.get(0), studies.subList(1, studies.size()));
        // Beside the map, not over it: a text picked here is ringed there.
        Beside.show(stage.getOwner(), stage, stage.getScene().getWidth(), stage.getScene().getHeight());
    }

    /** The open corpus's labels in the refuse box, {@code chosen} (or the usual spellings) selected, without a new study. */
    private void offerLabels(List<String> labels, Optional<String> chosen) {
        offering = true;
        try {
            List<String> entries = new ArrayList<>(List.of(USUAL_SPELLINGS));
            entries.addAll(labels);
            refuse.getItems().setAll(entries);
            refuse.setValue(chosen.orElse(USUAL_SPELLINGS));
        } finally {
            offering = false;
        }
    }

    /** Exports the gate on show at the threshold chosen (what the export button does once a file is chosen). */
    void exportTo(Path file) {
        model.exportGate(pane.study(), pane.threshold(), file);
    }

    void setDark(boolean dark) {
        pane.setDark(dark);
    }

    ThresholdPane pane() {
        return pane;
    }

    Stage stage() {
        return stage;
    }
}
