package org.embex.desktop.viewmodel;

import java.util.List;

/**
 * The neighbours on show: the heading that says of what, the rows, and what the map marks for
 * them.
 *
 * @param focus      the point whose neighbours these are, or −1 for a typed query
 * @param points     the neighbours' points, nearest first
 * @param queryPoint where a typed query lands on the map, or null
 */
public record NeighbourList(String heading, List<NeighbourRow> rows, int focus, int[] points, double[] queryPoint) {

    /** What the pane says before anything was asked. */
    public static final NeighbourList NONE = new NeighbourList("Click a point or type a query.", List.of(), -1, new int[0], null);

    /** Before anything was asked of vectors from a file, for which no model to embed a query is known yet. */
    public static final NeighbourList NONE_WITHOUT_QUERY_MODEL = new NeighbourList("Click a point. These vectors came from the"
            + " file, so a typed query needs the model that made them: you will be asked which, and embex checks it.",
            List.of(), -1, new int[0], null);

    public NeighbourList {
        rows = List.copyOf(rows);
        points = points.clone();
        queryPoint = queryPoint == null ? null : queryPoint.clone();
    }
}
