package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.gate.GateScoring;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.GateStudy;
import org.embex.usecase.PairColumns;
import org.embex.usecase.PairStudy;
import org.embex.usecase.ThresholdStudy;
import org.embex.usecase.Workspace;

/**
 * The threshold workbench's state and actions: the studies on show (the open corpus under each
 * model it was embedded with, a file of labelled pairs, or a gate's examples and queries) and the
 * gate exported at the chosen threshold.
 */
public final class WorkbenchViewModel {

    /** What a gate setup without an out-of-scope label is told, after the labels its queries have. */
    public static final String OUT_OF_SCOPE_HINT = "Label the queries the gate must refuse out_of_scope (or oos).";

    /**
     * The studies on show, the first studied and the others overlaid.
     *
     * @param labels  the open corpus's labels the gate may be told to refuse (none for a study of files)
     * @param refused the label refused, empty for the one found by its usual spellings
     */
    public record Studies(List<ThresholdStudy> studies, List<String> labels, Optional<String> refused) {

        public Studies {
            studies = List.copyOf(studies);
            labels = List.copyOf(labels);
        }
    }

    private final ExplorerViewModel explorer;
    private final Workspace workspace;
    private final ReadOnlyObjectWrapper<Studies> studies = new ReadOnlyObjectWrapper<>();
    /** The corpus rows the last study of the open corpus saw, to find a picked row on the map; null for a study of files. */
    private ExplorerViewModel.Filtered studiedRows;
    private final ReadOnlyDoubleWrapper chosen = new ReadOnlyDoubleWrapper(Double.NaN);

    WorkbenchViewModel(ExplorerViewModel explorer, Workspace workspace) {
        this.explorer = explorer;
        this.workspace = workspace;
    }

    /** The studies last made; null until the workbench was first asked for. */
    public ReadOnlyObjectProperty<Studies> studiesProperty() {
        return studies.getReadOnlyProperty();
    }

    /** The threshold last chosen on the workbench's slider; NaN until one is. The duplicates pane follows it. */
    public ReadOnlyDoubleProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The workbench's slider moved to {@code threshold}. */
    public void choose(double threshold) {
        chosen.set(threshold);
    }

    /** The open corpus's study, refusing its out-of-scope label found by the usual spellings. */
    public Job<List<ThresholdStudy>> open() {
        return studyCorpus(Optional.empty());
    }

    /**
     * The open corpus's study under every model it was embedded with, refusing {@code refuse}
     * (empty: the label found by its usual spellings), as {@code eval gate FILE --out-of-scope LABEL}.
     */
    public Job<List<ThresholdStudy>> studyCorpus(Optional<String> refuse) {
        if (explorer.corpus() == null) {
            explorer.say("Open a labelled corpus first: the workbench needs labels.");
            return null;
        }
        if (explorer.shownRows().isEmpty()) {
            explorer.say("No row passes the filter: the workbench has nothing to study.");
            return null;
        }
        List<EmbeddedCorpus> embeddings = explorer.embeddings();
        // The study sees the rows the filter keeps, as eval gate FILE --where … would.
        Job<List<ThresholdStudy>> studying = explorer.startMain("Scoring the threshold study", "models",
                job -> ThresholdStudy.ofEach(embeddings.stream().map(whole -> explorer.filtered(whole).corpus()).toList(),
                        refuse, OUT_OF_SCOPE_HINT, Seed.DEFAULT));
        ExplorerViewModel.Filtered studied = explorer.filtered(embeddings.get(0));
        studying.whenDone(made -> {
            studiedRows = studied;
            studies.set(new Studies(made, embeddings.get(0).labelNames(), refuse));
            explorer.say(String.format("Threshold study ready: %s · %s", embeddings.get(0).spec().file().getFileName(),
                    String.join(", ", made.stream().map(ThresholdStudy::model).toList())));
        });
        // A corpus that offers no study is told on the status line, as a hint rather than an error.
        studying.whenFailed(error -> {
            if (error instanceof BadInputException why) {
                explorer.say(why.getMessage());
            } else {
                explorer.failed("Threshold study failed", error);
            }
        });
        return studying;
    }

    /** Studies a file of labelled pairs with the model on screen. */
    public Job<ThresholdStudy> studyPairs(Path file) {
        String chosen = explorer.corpus().modelRef();
        return study("Embedding the pairs of " + file.getFileName(),
                job -> PairStudy.of(workspace, chosen, PairColumns.labels().read(file), job.progress(), job.cancellation()).study());
    }

    /** Studies the gate command's setup (examples and queries files) with the model on screen. */
    public Job<ThresholdStudy> studyGate(Path references, Path queries) {
        String chosen = explorer.corpus().modelRef();
        return study("Embedding the gate's examples and queries", job -> GateStudy.ofFiles(workspace, chosen,
                CorpusSpec.defaults(references), CorpusSpec.defaults(queries), Optional.empty(), OUT_OF_SCOPE_HINT,
                GateScoring.NEAREST, job.progress(), job.cancellation()).study());
    }

    private Job<ThresholdStudy> study(String title, Job.Work<ThresholdStudy> work) {
        Job<ThresholdStudy> studying = explorer.startMain(title, "texts", work);
        studying.whenDone(made -> {
            studiedRows = null;
            studies.set(new Studies(List.of(made), List.of(), Optional.empty()));
            explorer.say("Threshold study ready: " + made.source() + " · " + made.model());
        });
        studying.whenFailed(error -> explorer.failed(title + " failed", error));
        return studying;
    }

    /** A row of the open corpus picked in the study's lists: shown on the map, its neighbours listed. */
    public void pickRow(int studyRow) {
        if (studiedRows != null && studyRow >= 0 && studyRow < studiedRows.corpus().size()) {
            explorer.neighbours().pickRow(studiedRows.row(studyRow));
        }
    }

    /** Writes the gate of {@code study} at {@code threshold} to {@code file}, as {@code gate} reads it. */
    public void exportGate(ThresholdStudy study, double threshold, Path file) {
        try {
            GatePolicy.export(study.gateAt(threshold).orElseThrow(), file);
            explorer.say("Exported the gate at " + String.format("%.4f", threshold) + " to " + file);
        } catch (RuntimeException e) {
            explorer.failed("Could not export the gate", e);
        }
    }
}
