package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.embex.corpus.TextRow;
import org.embex.layout.Layout;
import org.embex.usecase.Clusters;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.SelectionExport;

/** The points selected on the map (box, lasso, or a legend pick), their rows, and their export. */
public final class SelectionViewModel {

    private final ExplorerViewModel explorer;
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(Selection.NONE);

    SelectionViewModel(ExplorerViewModel explorer) {
        this.explorer = explorer;
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The points drawn around on the map (or picked in the legend) become the selection; rows the filter leaves out never do. */
    public void select(BitSet picked) {
        EmbeddedCorpus shown = explorer.corpus();
        BitSet points = (BitSet) picked.clone();
        points.and(explorer.shownRows());
        Clusters clusters = explorer.clusters();
        List<SelectedRow> rows = new ArrayList<>();
        for (int i = points.nextSetBit(0); shown != null && i >= 0 && i < shown.size(); i = points.nextSetBit(i + 1)) {
            TextRow row = shown.row(i);
            rows.add(new SelectedRow(i, row.id(), row.text(), row.label() == null ? "" : row.label(),
                    clusters == null ? "" : String.valueOf(clusters.assignments()[i])));
        }
        selection.set(new Selection(points, rows));
    }

    public void clear() {
        selection.set(Selection.NONE);
    }

    /** Every row the filter keeps, for an export of the filtered view. */
    public void selectShown() {
        select(explorer.shownRows());
    }

    /** The filter changed: selected rows it now leaves out are no longer selected. */
    void keepOnly(BitSet passing) {
        BitSet points = selection.get().points();
        BitSet kept = (BitSet) points.clone();
        kept.and(passing);
        if (!kept.equals(points)) {
            select(kept);
        }
    }

    /** Asks where to write the selection, then writes it. */
    public void export() {
        List<Integer> rows = selection.get().indices();
        if (explorer.corpus() == null || rows.isEmpty()) {
            explorer.say("Select points first: Shift-drag a box or Alt-drag a lasso on the map.");
            return;
        }
        explorer.dialogs().chooseFileToSave("Export selection", "selection.csv",
                        List.of(new DialogService.FileKind("CSV", "csv"), new DialogService.FileKind("JSON Lines", "jsonl"),
                                new DialogService.FileKind("Parquet, with the vectors", "parquet")))
                .ifPresent(file -> export(file, rows));
    }

    /**
     * Writes {@code rows} to {@code target} (CSV, JSONL, or Parquet with the vectors, by extension) with
     * their map position and cluster.
     */
    public Job<Path> export(Path target, List<Integer> rows) {
        EmbeddedCorpus shown = explorer.corpus();
        Layout map = explorer.layoutProperty().get();
        Clusters clusters = explorer.clusters();
        int[] assignments = clusters == null ? null : clusters.assignments();
        Job<Path> exporting = explorer.start("Exporting " + rows.size() + " rows", "rows", job -> {
            SelectionExport.write(target, shown, map, assignments, rows);
            return target;
        });
        exporting.whenDone(file -> explorer.say(String.format("Exported %,d rows to %s", rows.size(), file)));
        exporting.whenFailed(error -> explorer.failed("Export failed", error));
        return exporting;
    }
}
