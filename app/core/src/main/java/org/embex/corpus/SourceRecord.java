package org.embex.corpus;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One record as the file holds it: its cells by column name, in column order, and the file and
 * line where it starts (for a folder, the text file it came from). Files without a header name
 * their columns {@code 1}, {@code 2}, ….
 */
public record SourceRecord(Path file, long line, Map<String, Cell> cells) {

    public SourceRecord {
        cells = Collections.unmodifiableMap(cells);
    }

    public Optional<Cell> cell(String column) {
        return Optional.ofNullable(cells.get(column));
    }

    /** The column's text, "" where the record has no such column. */
    public String field(String column) {
        Cell cell = cells.get(column);
        return cell == null ? "" : cell.text();
    }

    /** Every column's text, in column order. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        cells.forEach((column, cell) -> fields.put(column, cell.text()));
        return fields;
    }
}
