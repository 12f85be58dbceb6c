package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

import org.embex.BadInputException;
import org.embex.corpus.TextRow;
import org.embex.duplicates.DuplicateGroup;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.NearDuplicates;
import org.embex.usecase.Workspace;

/**
 * The near-duplicates of the corpus on screen: the threshold (the workbench's as it is moved, or
 * typed), the groups found ({@link NearDuplicates}, as {@code duplicates} finds them), a group
 * selected on the map, and the groups' export.
 */
public final class DuplicatesViewModel {

    /** Where the threshold starts before the workbench picks one: close rewordings, by MiniLM's scale. */
    public static final double DEFAULT_THRESHOLD = 0.9;

    private final ExplorerViewModel explorer;
    private final Workspace workspace;
    private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
    private final ReadOnlyObjectWrapper<DuplicateList> found = new ReadOnlyObjectWrapper<>(DuplicateList.NONE);
    private NearDuplicates.Found last;
    private EmbeddedCorpus lastCorpus;

    DuplicatesViewModel(ExplorerViewModel explorer, Workspace workspace) {
        this.explorer = explorer;
        this.workspace = workspace;
        explorer.workbench().chosenProperty().addListener((o, was, now) -> {
            if (Double.isFinite(now.doubleValue()) && now.doubleValue() > 0) {
                threshold.set(Math.round(now.doubleValue() * 1e4) / 1e4);
            }
        });
    }

    /** The cosine a pair must reach; follows the threshold workbench's slider. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyObjectProperty<DuplicateList> foundProperty() {
        return found.getReadOnlyProperty();
    }

    /** Finds the groups at the threshold: long for a large corpus, so a job that can be cancelled. */
    public Job<NearDuplicates.Found> find() {
        EmbeddedCorpus shown = explorer.corpus();
        if (shown == null) {
            explorer.say("Open a corpus first.");
            return null;
        }
        if (explorer.shownRows().isEmpty()) {
            explorer.say("No row passes the filter.");
            return null;
        }
        double at = threshold.get();
        try {
            NearDuplicates.check(at);
        } catch (BadInputException e) {
            explorer.say(e.getMessage());
            return null;
        }
        ExplorerViewModel.Filtered searched = explorer.filtered(shown);
        // Found among the rows the filter keeps, and numbered as on the map.
        Job<NearDuplicates.Found> finding = explorer.startMain(String.format("Finding near-duplicates at %.4f", at), "rows",
                job -> {
                    NearDuplicates.Found found = NearDuplicates.find(workspace, searched.corpus(), at, NearDuplicates.EXACT_UP_TO,
                            job.progress());
                    return searched.original() == null ? found : found.onRows(searched.original());
                });
        finding.whenDone(result -> {
            if (explorer.corpus() != shown) {
                return;
            }
            last = result;
            lastCorpus = shown;
            found.set(list(shown, result));
            explorer.say(found.get().heading());
            explorer.showDuplicateGroups();
        });
        finding.whenFailed(error -> explorer.failed("Finding near-duplicates failed", error));
        return finding;
    }

    /**
     * Each row's group in the groups found last, named by its representative's text (empty for
     * none), for the map's colours and legend.
     */
    public Optional<List<String>> groupNames() {
        if (last == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(lastCorpus.size());
        for (int i = 0; i < lastCorpus.size(); i++) {
            names.add("");
        }
        for (DuplicateGroup group : last.groups()) {
            String name = Words.shorten(lastCorpus.row(group.representative()).text(), 40);
            for (int member : group.members()) {
                names.set(member, name);
            }
        }
        return Optional.of(names);
    }

    /** Selects a group's rows on the map and centres it on the representative. */
    public void show(DuplicateList.Group group) {
        BitSet rows = new BitSet();
        group.members().forEach(member -> rows.set(member.index()));
        explorer.selection().select(rows);
        explorer.neighbours().centreOn(group.representative().index());
    }

    /** Asks where to write the groups, then writes them. */
    public void export() {
        if (last == null || last.groups().isEmpty()) {
            explorer.say("Find near-duplicates first.");
            return;
        }
        explorer.dialogs().chooseFileToSave("Export near-duplicate groups", "duplicates.csv",
                        List.of(new DialogService.FileKind("CSV", "csv"), new DialogService.FileKind("JSON Lines", "jsonl"),
                                new DialogService.FileKind("Parquet, with the vectors", "parquet")))
                .ifPresent(this::export);
    }

    /** Writes the groups found last to {@code target}, as {@code duplicates -o} does. */
    public Job<Path> export(Path target) {
        NearDuplicates.Found groups = last;
        EmbeddedCorpus corpus = lastCorpus;
        Job<Path> exporting = explorer.start("Exporting " + groups.groups().size() + " groups", "rows", job -> {
            NearDuplicates.export(target, corpus, groups);
            return target;
        });
        exporting.whenDone(file -> explorer.say(String.format("Exported %,d groups (%,d rows) to %s", groups.groups().size(),
                groups.grouping().rows(), file)));
        exporting.whenFailed(error -> explorer.failed("Export failed", error));
        return exporting;
    }

    /** A new corpus: the groups of the last one go. */
    void reset() {
        last = null;
        lastCorpus = null;
        found.set(DuplicateList.NONE);
    }

    private static DuplicateList list(EmbeddedCorpus corpus, NearDuplicates.Found result) {
        List<DuplicateList.Group> groups = new ArrayList<>();
        for (int g = 0; g < result.groups().size(); g++) {
            DuplicateGroup group = result.groups().get(g);
            List<DuplicateList.Member> members = new ArrayList<>();
            for (int m = 0; m < group.size(); m++) {
                TextRow row = corpus.row(group.member(m));
                members.add(new DuplicateList.Member(group.member(m), row.id(), row.text(),
                        row.label() == null ? "" : row.label(), group.score(m)));
            }
            groups.add(new DuplicateList.Group(g + 1, group.weakest(), members));
        }
        String heading = result.groups().isEmpty()
                ? String.format("No two texts reach a cosine of %.4f. Lower the threshold to find looser rewordings.",
                        result.threshold())
                : String.format("%,d groups hold %,d of %,d texts (%,d pairs at cosine ≥ %.4f%s)%s", groups.size(),
                        result.grouping().rows(), corpus.size(), result.pairs(), result.threshold(),
                        result.graph() ? ", through the neighbour graph" : "",
                        result.grouping().unplaced() == 0 ? "" : String.format("; %,d more have a near-duplicate in a group "
                                + "whose representative they are not close to", result.grouping().unplaced()));
        return new DuplicateList(heading, groups);
    }
}
