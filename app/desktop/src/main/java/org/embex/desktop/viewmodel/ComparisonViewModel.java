package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.ModelPair;
import org.embex.usecase.PairColumns;
import org.embex.usecase.SideBySide;
import org.embex.usecase.StsStudy;
import org.embex.usecase.Workspace;

/** Two models side by side over the corpus on screen, and how each scores on STS pairs. */
public final class ComparisonViewModel {

    /** Each compared model's Spearman on an STS pairs file, for the pair it was scored for. */
    public record StsSpearman(SideBySide pair, double first, double second) {
    }

    private final ExplorerViewModel explorer;
    private final Workspace workspace;
    private final ReadOnlyObjectWrapper<SideBySide> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StsSpearman> sts = new ReadOnlyObjectWrapper<>();

    ComparisonViewModel(ExplorerViewModel explorer, Workspace workspace) {
        this.explorer = explorer;
        this.workspace = workspace;
    }

    /** The comparison on show, or null. */
    public ReadOnlyObjectProperty<SideBySide> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StsSpearman> stsProperty() {
        return sts.getReadOnlyProperty();
    }

    /** Asks for a second installed model and compares the corpus on screen under both. */
    public void chooseModel() {
        EmbeddedCorpus current = explorer.corpus();
        if (current == null) {
            explorer.say("Open a corpus first.");
            return;
        }
        List<String> others = explorer.models().stream().filter(id -> !id.equals(current.model())).toList();
        if (others.isEmpty()) {
            explorer.say("Install a second model to compare with: ./embex models install bge-small-en-v1.5");
            return;
        }
        explorer.dialogs().choose("Compare models", "Compare " + current.model() + " with", others).ifPresent(other -> {
            if (explorer.maySendTexts(other, current.size() + " texts of " + current.spec().file().getFileName())) {
                compareWith(other);
            } else {
                explorer.say("Nothing was sent. " + other + " runs at an endpoint; compare with a local model to stay on this machine.");
            }
        });
    }

    /** Embeds the corpus on screen with {@code other} (through the cache), lays it out like the map on screen, and compares. */
    public Job<SideBySide> compareWith(String other) {
        EmbeddedCorpus corpus = explorer.corpus();
        var map = explorer.layoutProperty().get();
        var method = explorer.methodProperty().get();
        Job<SideBySide> comparing = explorer.startMain("Comparing with " + other, "texts", job -> SideBySide.of(workspace,
                ModelPair.of(workspace, corpus, other, job.progress(), job.cancellation()), map, method, job.cancellation()));
        comparing.whenDone(made -> {
            ModelPair pair = made.pair();
            explorer.addEmbedding(pair.second());
            shown.set(made);
            explorer.say(String.format("%s vs %s: %d-NN overlap mean %.3f", pair.first().model(), pair.second().model(),
                    pair.comparison().k(), pair.comparison().meanOverlap()));
        });
        comparing.whenFailed(error -> explorer.failed("Comparison failed", error));
        comparing.whenCancelled(() -> explorer.say("Comparison cancelled."));
        return comparing;
    }

    /** Scores both compared models on an STS pairs file (two texts and a score per row). */
    public Job<double[]> scoreSts(Path file) {
        SideBySide pair = shown.get();
        Job<double[]> scoring = explorer.startMain("STS pairs of " + file.getFileName(), "sentences", job -> {
            PairColumns.Pairs pairs = PairColumns.scores().read(file);
            return new double[] {
                StsStudy.of(workspace, pair.pair().first().modelRef(), pairs, job.progress(), job.cancellation()).spearman(),
                StsStudy.of(workspace, pair.pair().second().modelRef(), pairs, job.progress(), job.cancellation()).spearman()};
        });
        scoring.whenDone(scores -> {
            if (shown.get() == pair) {
                sts.set(new StsSpearman(pair, scores[0], scores[1]));
            }
        });
        scoring.whenFailed(error -> explorer.failed("Could not score " + file.getFileName(), error));
        return scoring;
    }
}
