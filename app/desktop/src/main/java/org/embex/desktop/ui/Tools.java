package org.embex.desktop.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.ChoiceDialog;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.gate.GateScoring;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.GateStudy;
import org.embex.usecase.ModelPair;
import org.embex.usecase.PairColumns;
import org.embex.usecase.PairStudy;
import org.embex.usecase.SideBySide;
import org.embex.usecase.StsStudy;
import org.embex.usecase.ThresholdStudy;
import org.embex.usecase.Workspace;

/**
 * The explorer's two tool windows beside the map: the threshold workbench and the side-by-side
 * comparison of two models, each in a window of its own, fed by jobs the explorer runs.
 */
final class Tools {

    private final Explorer explorer;
    private final Workspace workspace;
    private final Themes themes;
    private ThresholdWindow thresholdWindow;
    private CompareWindow compareWindow;

    Tools(Explorer explorer, Workspace workspace, Themes themes) {
        this.explorer = explorer;
        this.workspace = workspace;
        this.themes = themes;
    }

    /** Opens (or brings forward) the threshold workbench on the corpus on screen, every model it was embedded with overlaid. */
    void openThresholdWorkbench() {
        studyCorpus(Optional.empty());
    }

    /** The open corpus's study, refusing {@code refuse} (empty: the label found by its usual spellings). */
    void studyCorpus(Optional<String> refuse) {
        if (explorer.current() == null) {
            explorer.status().say("Open a labelled corpus first: the workbench needs labels.");
            return;
        }
        List<EmbeddedCorpus> embeddings = explorer.embeddings();
        Job<List<ThresholdStudy>> studying = new Job<>("Scoring the threshold study", "models",
                job -> ThresholdStudy.ofEach(embeddings, refuse, ThresholdWindow.OUT_OF_SCOPE_HINT, Seed.DEFAULT));
        studying.setOnSucceeded(event -> {
            thresholdWindow().offerLabels(embeddings.get(0).labelNames(), refuse);
            thresholdWindow().show(studying.getValue());
        });
        // A corpus that offers no study is told on the status line, as a hint rather than an error.
        studying.setOnFailed(event -> {
            if (studying.getException() instanceof BadInputException why) {
                explorer.status().say(why.getMessage());
            } else {
                explorer.failed("Threshold study failed", studying.getException());
            }
        });
        explorer.start(studying);
    }

    /** Studies a file of labelled pairs with the model on screen, and shows it in the workbench. */
    Job<ThresholdStudy> studyPairs(Path file) {
        String chosen = explorer.current().modelRef();
        return study("Embedding the pairs of " + file.getFileName(),
                job -> PairStudy.of(workspace, chosen, PairColumns.labels().read(file), job.progress(), job.cancellation()).study());
    }

    /** Studies the gate command's setup (examples and queries files) with the model on screen. */
    Job<ThresholdStudy> studyGate(Path references, Path queries) {
        String chosen = explorer.current().modelRef();
        return study("Embedding the gate's examples and queries", job -> GateStudy.ofFiles(workspace, chosen,
                CorpusSpec.defaults(references), CorpusSpec.defaults(queries), Optional.empty(), ThresholdWindow.OUT_OF_SCOPE_HINT,
                GateScoring.NEAREST, job.progress(), job.cancellation()).study());
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

    /** Embeds the corpus on screen with {@code other} (through the cache), lays it out, and shows both side by side. */
    Job<SideBySide> compareWith(String other) {
        EmbeddedCorpus corpus = explorer.current();
        var shown = explorer.shownLayout();
        var method = explorer.method().getValue();
        Job<SideBySide> comparing = new Job<>("Comparing with " + other, "texts", job -> SideBySide.of(workspace,
                ModelPair.of(workspace, corpus, other, job.progress(), job.cancellation()), shown, method, job.cancellation()));
        comparing.setOnSucceeded(event -> {
            ModelPair pair = comparing.getValue().pair();
            explorer.addEmbedding(pair.second());
            compareWindow().show(comparing.getValue());
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
        SideBySide pair = compareWindow.shown();
        Job<double[]> scoring = new Job<>("STS pairs of " + file.getFileName(), "sentences", job -> {
            PairColumns.Pairs pairs = PairColumns.scores().read(file);
            return new double[] {
                StsStudy.of(workspace, pair.pair().first().modelRef(), pairs, job.progress(), job.cancellation()).spearman(),
                StsStudy.of(workspace, pair.pair().second().modelRef(), pairs, job.progress(), job.cancellation()).spearman()};
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
            thresholdWindow = new ThresholdWindow(explorer.window(), explorer::pickRow, this::studyPairs, this::studyGate,
                    this::studyCorpus, themes);
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
