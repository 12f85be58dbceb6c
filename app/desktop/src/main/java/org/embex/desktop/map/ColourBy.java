package org.embex.desktop.map;

import java.util.List;

import org.embex.usecase.Clusters;
import org.embex.usecase.EmbeddedCorpus;

/** The colourings a corpus offers, the same for the window and for {@code plot}. */
public final class ColourBy {

    private ColourBy() {
    }

    public static Colouring label(EmbeddedCorpus corpus) {
        return Colouring.categorical("Label", corpus.labels());
    }

    public static Colouring clusters(Clusters clusters) {
        return Colouring.categorical("Cluster · topic words", clusters.names());
    }

    public static Colouring column(EmbeddedCorpus corpus, String column) {
        return Colouring.categorical(column, corpus.corpus().rows().stream().map(row -> row.metadata().get(column)).toList());
    }

    /** Each row's near-duplicate group, named by its representative's text (empty for none): the groups in colour, the rest grey. */
    public static Colouring duplicateGroups(List<String> groupOf) {
        return Colouring.categorical("Near-duplicate group", groupOf);
    }

    /** Whether some row has a value in {@code column}, besides the text and label. */
    public static boolean hasColumn(EmbeddedCorpus corpus, String column) {
        return corpus.corpus().rows().stream().anyMatch(row -> row.metadata().containsKey(column));
    }
}
