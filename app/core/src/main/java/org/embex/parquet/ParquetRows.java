package org.embex.parquet;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.embex.BadInputException;

/**
 * The rows of a Parquet file streamed from DuckDB, each as the texts of its columns that are not
 * vectors (a list of numbers is not a text, label, id or metadata; a list of anything else is, as
 * DuckDB writes it: {@code [a, b]}); a null is "". Rows are numbered from 1 in file order.
 */
public final class ParquetRows implements AutoCloseable {

    private final ParquetTable table;
    private final List<String> columns;
    private final Statement statement;
    private final ResultSet rows;
    private long row;

    private ParquetRows(ParquetTable table, List<String> columns, Statement statement, ResultSet rows) {
        this.table = table;
        this.columns = columns;
        this.statement = statement;
        this.rows = rows;
    }

    public static ParquetRows open(Path file) {
        ParquetTable table = ParquetTable.open(file);
        List<String> columns = table.columns().stream().filter(column -> !column.isNumberList())
                .map(ParquetTable.Column::name).toList();
        try {
            if (columns.isEmpty()) {
                throw new BadInputException(file + ": every column is a list of numbers ("
                        + String.join(", ", table.columns().stream().map(ParquetTable.Column::name).toList())
                        + "), so there is no id, text or label to show");
            }
            Statement statement = table.connection().createStatement();
            ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", columns.stream().map(ParquetTable::identifier)
                    .toList()) + " FROM " + ParquetTable.source(file));
            return new ParquetRows(table, columns, statement, rows);
        } catch (SQLException e) {
            table.close();
            throw new BadInputException(file + ": cannot read: " + ParquetTable.firstLine(e), e);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    public Path file() {
        return table.file();
    }

    /** The columns each row gives, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The next row's texts, one per column, or null after the last row. */
    public String[] next() {
        try {
            if (!rows.next()) {
                return null;
            }
            row++;
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                String value = rows.getString(i + 1);
                values[i] = value == null ? "" : value;
            }
            return values;
        } catch (SQLException e) {
            throw new BadInputException(table.file() + ": row " + (row + 1) + ": cannot read: " + ParquetTable.firstLine(e), e);
        }
    }

    /** The number, from 1, of the row {@link #next()} last gave. */
    public long row() {
        return row;
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
