package org.embex.desktop.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.ChoiceDialog;

import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.GateSetup;
import org.embex.usecase.ModelPair;
import org.embex.usecase.PairsFile;
import org.embex.usecase.StsFile;
import org.embex.usecase.ThresholdStudy;
import org.embex.usecase.Workbench;

/**
 * The explorer's two workbenches beside the map: the threshold workbench and the side-by-side
 * comparison of two models, each in a window of its own, fed by jobs the explorer runs.
 */
final class Tools {

    private static final long SEED = 42;
    private static final int PAIRS = 5000;

    private final Explorer explorer;
    private final Workbench workbench;
    private final Themes themes;
    private ThresholdWindow thresholdWindow;
    private CompareWindow compareWindow;

    Tools(Explorer explorer, Workbench workbench, Themes themes) {
        this.explorer = explorer;
        this.workbench = workbench;
        this.themes = themes;
    }

    /** Opens (or brings forward) the threshold workbench on the corpus on screen, every model it was embedded with overlaid. */
    void openThresholdWorkbench() {
        if (explorer.current() == null) {
            explorer.status().say("Open a labelled corpus first: the workbench needs labels.");
            return;
        }
        List<EmbeddedCorpus> embeddings = explorer.embeddings();
        Job<List<ThresholdStudy>> studying = new Job<>("Scoring the threshold study", "models", job -> {
            List<ThresholdStudy> studies = new ArrayList<>();
            for (EmbeddedCorpus embedded : embeddings) {
                ThresholdStudy.gate(embedded, ThresholdWindow.OUT_OF_SCOPE)
                        .or(() -> ThresholdStudy.labelPairs(embedded, PAIRS, SEED))
                        .ifPresent(studies::add);
            }
            return studies;
        });
        studying.setOnSucceeded(event -> {
            if (studying.getValue().isEmpty()) {
                explorer.status().say("The threshold workbench needs a label column with at least two labels.");
            } else {
                thresholdWindow().show(studying.getValue());
            }
        });
        studying.setOnFailed(event -> explorer.failed("Threshold study failed", studying.getException()));
        explorer.start(studying);
    }

    /** Studies a file of labelled pairs with the model on screen, and shows it in the workbench. */
    Job<ThresholdStudy> studyPairs(Path file) {
        String chosen = explorer.current().model();
        return study("Embedding the pairs of " + file.getFileName(),
                job -> PairsFile.study(workbench, chosen, file, job.progress(), job.cancellation()));
    }

    /** Studies the gate command's setup (examples and queries files) with the model on screen. */
    Job<ThresholdStudy> studyGate(Path references, Path queries) {
        String chosen = explorer.current().model();
        return study("Embedding the gate's examples and queries", job -> GateSetup.study(workbench, chosen, references, queries,
                ThresholdWindow.OUT_OF_SCOPE, job.progress(), job.cancellation()));
    }

    private Job<ThresholdStudy> study(String title, Job.Work<ThresholdStudy> work) {
        Job<ThresholdStudy> studying = new Job<>(title, "texts", work);
        studying.setOnSucceeded(event -> thresholdWindow().show(List.of(studying.getValue())));
        studying.setOnFailed(event -> explorer.failed(title + " failed", studying.getException()));
        explorer.start(studying);
        return studying;
    }

    /** Asks for a second model and shows it beside the one on screen. */
    void chooseModelToCompare() {
        EmbeddedCorpus current = explorer.current();
        if (current == null) {
            explorer.status().say("Open a corpus first.");
            return;
        }
        List<String> others = explorer.modelChoice().getItems().stream().filter(id -> !id.equals(current.model())).toList();
        if (others.isEmpty()) {
            explorer.status().say("Install a second model to compare with: ./embex models install bge-small-en-v1.5");
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(others.get(0), others);
        dialog.initOwner(explorer.window());
        dialog.setTitle("Compare models");
        dialog.setHeaderText("Compare " + current.model() + " with");
        dialog.showAndWait().ifPresent(this::compareWith);
    }

    /** Embeds the corpus on screen with {@code other} (through the cache), maps it, and shows both side by side. */
    Job<ModelPair> compareWith(String other) {
        EmbeddedCorpus corpus = explorer.current();
        var shown = explorer.shownLayout();
        var method = explorer.method().getValue();
        Job<ModelPair> comparing = new Job<>("Comparing with " + other, "texts", job -> ModelPair.of(workbench, corpus, shown,
                other, method, ThresholdWindow.OUT_OF_SCOPE, SEED, job.progress(), job.cancellation()));
        comparing.setOnSucceeded(event -> {
            ModelPair pair = comparing.getValue();
            explorer.addEmbedding(pair.second());
            compareWindow().show(pair);
            explorer.status().say(String.format("%s vs %s: %d-NN overlap mean %.3f", pair.first().model(), pair.second().model(),
                    pair.comparison().k(), pair.comparison().meanOverlap()));
        });
        comparing.setOnFailed(event -> explorer.failed("Comparison failed", comparing.getException()));
        comparing.setOnCancelled(event -> explorer.status().say("Comparison cancelled."));
        explorer.start(comparing);
        return comparing;
    }

    /** Scores both compared models on an STS pairs file and adds their Spearman to the comparison's metrics. */
    Job<double[]> scoreSts(Path file) {
        ModelPair pair = compareWindow.shown();
        Job<double[]> scoring = new Job<>("STS pairs of " + file.getFileName(), "sentences", job -> {
            StsFile pairs = StsFile.read(file);
            return new double[] {
                pairs.spearman(workbench, pair.first().model(), job.progress(), job.cancellation()),
                pairs.spearman(workbench, pair.second().model(), job.progress(), job.cancellation())};
        });
        scoring.setOnSucceeded(event -> {
            if (compareWindow.shown() == pair) {
                compareWindow.pane().showSts(scoring.getValue()[0], scoring.getValue()[1]);
            }
        });
        scoring.setOnFailed(event -> explorer.failed("Could not score " + file.getFileName(), scoring.getException()));
        explorer.start(scoring);
        return scoring;
    }

    ThresholdWindow thresholdWindow() {
        if (thresholdWindow == null) {
            thresholdWindow = new ThresholdWindow(explorer.window(), explorer::pickRow, this::studyPairs, this::studyGate, themes);
        }
        return thresholdWindow;
    }

    CompareWindow compareWindow() {
        if (compareWindow == null) {
            compareWindow = new CompareWindow(explorer.window(), themes, this::scoreSts);
        }
        return compareWindow;
    }

    /** Whether the workbench window was opened yet, without opening it. */
    boolean thresholdShowing() {
        return thresholdWindow != null && thresholdWindow.stage().isShowing();
    }

    boolean compareShowing() {
        return compareWindow != null && compareWindow.stage().isShowing();
    }

    void setDark(boolean dark) {
        if (thresholdWindow != null) {
            thresholdWindow.setDark(dark);
        }
        if (compareWindow != null) {
            compareWindow.setDark(dark);
        }
    }
}
