package org.embex.corpus;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.embex.BadInputException;

/**
 * The rows of a Parquet file as records, streamed from DuckDB: every column but the vector
 * columns (lists), whose values are numbers, not texts; {@code org.embex.vectorfile} reads those.
 * A record's line is its row number, from 1, as the other formats count lines. Parquet's types
 * leave no row malformed; a null is an empty cell.
 */
final class ParquetRecordReader implements RecordReader {

    private final ParquetTable table;
    private final List<String> columns;
    private final BadRows bad;
    private final Statement statement;
    private final ResultSet rows;
    private long row;
    private boolean ahead;

    ParquetRecordReader(Path file, BadRows bad) {
        this.table = ParquetTable.open(file);
        this.bad = bad;
        this.columns = table.columns().stream().filter(column -> !column.isList()).map(ParquetTable.Column::name).toList();
        try {
            if (columns.isEmpty()) {
                throw new BadInputException(file + ": every column is a list of numbers ("
                        + String.join(", ", table.columns().stream().map(ParquetTable.Column::name).toList())
                        + "), so there is no id, text or label to show");
            }
            this.statement = table.connection().createStatement();
            this.rows = statement.executeQuery("SELECT " + String.join(", ", columns.stream().map(ParquetTable::identifier).toList())
                    + " FROM " + ParquetTable.source(file));
        } catch (SQLException e) {
            table.close();
            throw new BadInputException(file + ": cannot read: " + ParquetTable.firstLine(e), e);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<SkippedRow> skipped() {
        return bad.skipped();
    }

    @Override
    public boolean hasNext() {
        if (!ahead) {
            try {
                ahead = rows.next();
            } catch (SQLException e) {
                throw new BadInputException(table.file() + ": row " + (row + 1) + ": cannot read: " + ParquetTable.firstLine(e), e);
            }
            if (ahead) {
                row++;
            }
        }
        return ahead;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ahead = false;
        Map<String, Cell> cells = new LinkedHashMap<>();
        try {
            for (int i = 0; i < columns.size(); i++) {
                String value = rows.getString(i + 1);
                cells.put(columns.get(i), Cell.string(value == null ? "" : value, i + 1));
            }
        } catch (SQLException e) {
            throw new BadInputException(table.file() + ": row " + row + ": cannot read: " + ParquetTable.firstLine(e), e);
        }
        return new SourceRecord(table.file(), row, cells);
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            throw new BadInputException(table.file() + ": cannot close: " + ParquetTable.firstLine(e), e);
        } finally {
            table.close();
        }
    }
}
