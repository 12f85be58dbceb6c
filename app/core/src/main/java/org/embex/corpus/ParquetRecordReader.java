package org.embex.corpus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.embex.parquet.ParquetRows;

/**
 * The rows of a Parquet file as records: every column but the vector columns (lists), whose values
 * are numbers, not texts; {@code org.embex.vectorfile} reads those. A record's line is its row
 * number, from 1, as the other formats count lines. Parquet's types leave no row malformed; a null
 * is an empty cell.
 */
final class ParquetRecordReader implements RecordReader {

    private final ParquetRows rows;
    private final BadRows bad;
    private String[] ahead;

    ParquetRecordReader(Path file, BadRows bad) {
        this.rows = ParquetRows.open(file);
        this.bad = bad;
    }

    @Override
    public List<String> columns() {
        return rows.columns();
    }

    @Override
    public List<SkippedRow> skipped() {
        return bad.skipped();
    }

    @Override
    public boolean hasNext() {
        if (ahead == null) {
            ahead = rows.next();
        }
        return ahead != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String[] values = ahead;
        ahead = null;
        Map<String, Cell> cells = new LinkedHashMap<>();
        List<String> columns = rows.columns();
        for (int i = 0; i < values.length; i++) {
            cells.put(columns.get(i), Cell.string(values[i], i + 1));
        }
        return new SourceRecord(rows.file(), rows.row(), cells);
    }

    @Override
    public void close() {
        rows.close();
    }
}
