package org.embex.corpus;

import java.util.Map;

/**
 * One record as the file holds it: its fields by column name, in column order, and the line
 * where it starts. Files without a header name their columns {@code 1}, {@code 2}, ….
 */
public record SourceRecord(long line, Map<String, String> fields) {

    public String field(String column) {
        return fields.getOrDefault(column, "");
    }
}
