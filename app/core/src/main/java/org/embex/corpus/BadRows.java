package org.embex.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place the reading rule's verdict is carried out: a bad row stops the reading, or, when
 * the user asked to skip bad rows, is set aside with its reason so that every face can say which.
 */
final class BadRows {

    private final boolean skip;
    private final List<SkippedRow> skipped = new ArrayList<>();

    BadRows(boolean skip) {
        this.skip = skip;
    }

    void reject(CorpusFormatException problem) {
        if (!skip) {
            throw problem;
        }
        skipped.add(SkippedRow.of(problem));
    }

    List<SkippedRow> skipped() {
        return List.copyOf(skipped);
    }
}
