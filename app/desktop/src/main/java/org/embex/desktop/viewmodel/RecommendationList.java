package org.embex.desktop.viewmodel;

import java.util.List;

/**
 * Rows recommended from the liked ones (the selection), as the recommendations pane lists them and
 * the map rings them.
 *
 * @param points the recommended rows' points, best first
 */
public record RecommendationList(String heading, List<Row> rows, int[] points) {

    public static final RecommendationList NONE = new RecommendationList(
            "Select the texts you like on the map (Shift-drag a box, Alt-drag a lasso), then Recommend.", List.of(), new int[0]);

    public RecommendationList {
        rows = List.copyOf(rows);
        points = points.clone();
    }

    @Override
    public int[] points() {
        return points.clone();
    }

    /** A recommended row and the liked row that brought it in. */
    public record Row(int rank, int index, String text, String label, double score, String because, double becauseScore) {
    }
}
