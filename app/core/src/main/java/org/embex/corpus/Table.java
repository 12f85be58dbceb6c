package org.embex.corpus;

import java.nio.file.Path;
import java.util.List;

/**
 * Rows of a text file, read whole: the simple reading that commands need for small and medium
 * files. Columns are named by the header, or {@code 1}, {@code 2}, … when there is none. The rows
 * left out as bad, when bad rows were to be skipped, are listed.
 */
public record Table(Path source, List<String> columns, List<Row> rows, boolean hasHeader, List<SkippedRow> skipped) {

    /** One record and the line of the file where it starts. */
    public record Row(long line, List<String> cells) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** The column a user named: a header name, or a 1-based position. */
    public int column(String reference) {
        return columns.indexOf(Columns.resolve(source, columns, hasHeader, reference));
    }

    public List<String> values(int column) {
        return rows.stream().map(row -> row.cell(column)).toList();
    }
}
