package org.embex.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every record of a file into a {@link Table}, for commands that need arbitrary columns.
 * The shape rule holds (a CSV or TSV row has the header's cells); what a cell must hold is the
 * caller's to say.
 */
public final class TableReader {

    private TableReader() {
    }

    public static Table read(Path file, ReadOptions options) {
        List<SourceRecord> records = new ArrayList<>();
        List<String> columns;
        List<SkippedRow> skipped;
        try (RecordReader reader = RecordReader.open(file, options)) {
            reader.forEachRemaining(records::add);
            columns = List.copyOf(reader.columns());
            skipped = reader.skipped();
        }
        List<Table.Row> rows = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            rows.add(new Table.Row(record.line(), columns.stream().map(record::field).toList()));
        }
        return new Table(file, columns, List.copyOf(rows), options.header(), skipped);
    }

    public static Table read(Path file, boolean header) {
        return read(file, ReadOptions.defaults().withHeader(header));
    }
}
