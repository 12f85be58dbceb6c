package org.embex.desktop.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import org.embex.recommend.Recommendation;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Recommendations;

/**
 * Recommendations from the selection: the selected rows are the liked ones, and the rows nearest
 * to their profile come back with the liked row that brought each in ({@link Recommendations}, as
 * {@code recommend --liked} finds them).
 */
public final class RecommendationsViewModel {

    private final ExplorerViewModel explorer;
    private final IntegerProperty k = new SimpleIntegerProperty(20);
    private final ReadOnlyObjectWrapper<RecommendationList> recommendations = new ReadOnlyObjectWrapper<>(RecommendationList.NONE);

    RecommendationsViewModel(ExplorerViewModel explorer) {
        this.explorer = explorer;
    }

    /** How many rows to recommend. */
    public IntegerProperty kProperty() {
        return k;
    }

    public ReadOnlyObjectProperty<RecommendationList> recommendationsProperty() {
        return recommendations.getReadOnlyProperty();
    }

    /** Recommends from the rows selected on the map. */
    public Job<List<Recommendation>> fromSelection() {
        EmbeddedCorpus shown = explorer.corpus();
        List<Integer> picked = explorer.selection().selectionProperty().get().indices();
        if (shown == null || picked.isEmpty()) {
            explorer.say("Select the texts you like first: Shift-drag a box or Alt-drag a lasso on the map.");
            return null;
        }
        int[] liked = picked.stream().mapToInt(Integer::intValue).toArray();
        int count = k.get();
        Job<List<Recommendation>> recommending = explorer.start("Recommending from " + liked.length + " liked texts", "rows",
                job -> Recommendations.recommend(shown, liked, Optional.empty(), count));
        recommending.whenDone(found -> {
            if (explorer.corpus() != shown) {
                return;
            }
            recommendations.set(list(shown, liked.length, found));
            explorer.say(String.format("Recommended %d texts from the %,d selected", found.size(), liked.length));
        });
        recommending.whenFailed(error -> explorer.failed("Recommending failed", error));
        return recommending;
    }

    /** Points the map at a recommended row. */
    public void centreOn(int row) {
        explorer.neighbours().centreOn(row);
    }

    /** A new corpus: its recommendations start again. */
    void reset() {
        recommendations.set(RecommendationList.NONE);
    }

    private static RecommendationList list(EmbeddedCorpus corpus, int liked, List<Recommendation> found) {
        List<RecommendationList.Row> rows = new ArrayList<>();
        int[] points = new int[found.size()];
        for (int r = 0; r < found.size(); r++) {
            Recommendation recommendation = found.get(r);
            points[r] = recommendation.row();
            String label = corpus.row(recommendation.row()).label();
            rows.add(new RecommendationList.Row(r + 1, recommendation.row(), corpus.row(recommendation.row()).text(),
                    label == null ? "" : label, recommendation.score(), corpus.row(recommendation.because()).text(),
                    recommendation.becauseScore()));
        }
        return new RecommendationList(String.format("%d texts like the %,d selected (none of them selected), each with the "
                + "liked text closest to it: the one that brought it in. Ringed on the map.", found.size(), liked), rows, points);
    }
}
