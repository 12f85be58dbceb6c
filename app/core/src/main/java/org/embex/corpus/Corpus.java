package org.embex.corpus;

import java.nio.file.Path;
import java.util.List;

/** The texts of one file, read whole, with the file's columns. */
public record Corpus(Path source, List<String> columns, List<TextRow> rows) {

    public List<String> texts() {
        return rows.stream().map(TextRow::text).toList();
    }
}
