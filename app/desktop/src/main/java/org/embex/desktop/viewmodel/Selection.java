package org.embex.desktop.viewmodel;

import java.util.BitSet;
import java.util.List;

/** The points selected on the map (box, lasso, or a legend pick) and their rows, ready to export. */
public record Selection(BitSet points, List<SelectedRow> rows) {

    public static final Selection NONE = new Selection(new BitSet(), List.of());

    public Selection {
        points = (BitSet) points.clone();
        rows = List.copyOf(rows);
    }

    @Override
    public BitSet points() {
        return (BitSet) points.clone();
    }

    /** The rows' corpus indices, in corpus order. */
    public List<Integer> indices() {
        return rows.stream().map(SelectedRow::index).toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
