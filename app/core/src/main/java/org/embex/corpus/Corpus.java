package org.embex.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * The texts of one file, read whole, with the file's columns and the rows left out as bad (only
 * when bad rows were to be skipped). A corpus has at least one text: {@link CorpusReader} says
 * why a file has none.
 */
public record Corpus(Path source, List<String> columns, List<TextRow> rows, List<SkippedRow> skipped) {

    public Corpus {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": a corpus has at least one text");
        }
    }

    /** The first row whose id is {@code id}. */
    public int indexOf(String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new BadInputException(source + ": no row has the id '" + id + "'");
    }

    public List<String> texts() {
        return rows.stream().map(TextRow::text).toList();
    }

    /**
     * The skipped rows in one line for people, the first {@code shown} with where and why, or empty
     * when none was skipped: what the command line warns and the window shows.
     */
    public Optional<String> skippedSummary(int shown) {
        return SkippedRow.summary(source, skipped, shown);
    }
}
