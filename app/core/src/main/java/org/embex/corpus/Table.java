package org.embex.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * Rows of a text file, read whole: the simple reading that commands need for small and medium
 * files. Columns are named by the header, or {@code 1}, {@code 2}, … when there is none.
 */
public record Table(Path source, List<String> columns, List<Row> rows, boolean hasHeader) {

    /** One record and the line of the file where it starts. */
    public record Row(long line, List<String> cells) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /**
     * The column a user named: a header name, or a 1-based position. Named columns need a header.
     */
    public int column(String reference) {
        if (reference.matches("[1-9][0-9]*")) {
            int position = Integer.parseInt(reference);
            if (position > columns.size()) {
                throw new BadInputException(source + ": no column " + position + "; it has " + columns.size()
                        + " column" + (columns.size() == 1 ? "" : "s"));
            }
            return position - 1;
        }
        int index = columns.indexOf(reference);
        if (index < 0) {
            throw new BadInputException(source + ": no column '" + reference + "'; columns: "
                    + String.join(", ", columns) + (hasHeader ? "" : " (no header: name columns by position)"));
        }
        return index;
    }

    /** The column of this name if the table has one. */
    public Optional<Integer> optionalColumn(String name) {
        int index = columns.indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    public List<String> values(int column) {
        return rows.stream().map(row -> row.cell(column)).toList();
    }
}
