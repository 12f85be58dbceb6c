package org.embex.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.embex.EmbexException;

/**
 * Rows written as one Parquet file: text columns (an empty text is a null), a vector column of
 * {@code FLOAT[dims]}, and number columns (FLOAT, then INTEGER: a map's x and y, a cluster, a score).
 * Rows go into an in-memory DuckDB table through its appender; {@link #finish} copies the table to
 * the file (zstd) with key-value metadata in the footer, beside the target first and then moved
 * into place, so the file appears whole or not at all.
 */
public final class ParquetSink implements AutoCloseable {

    private final Path target;
    private final Connection connection;
    private final DuckDBAppender appender;
    private final int texts;
    private final int floats;
    private final int ints;
    private long rows;

    private ParquetSink(Path target, Connection connection, DuckDBAppender appender, int texts, int floats, int ints) {
        this.target = target;
        this.connection = connection;
        this.appender = appender;
        this.texts = texts;
        this.floats = floats;
        this.ints = ints;
    }

    /**
     * @param target      the file the rows are for ({@link #finish} writes it)
     * @param textColumns the text columns' names, in order
     * @param floatColumns the FLOAT columns' names, after the vector
     * @param intColumns   the INTEGER columns' names, after those
     */
    public static ParquetSink open(Path target, List<String> textColumns, String vectorColumn, int dims,
                                   List<String> floatColumns, List<String> intColumns) {
        Connection connection = null;
        try {
            connection = ParquetTable.connect();
            List<String> columns = new ArrayList<>();
            textColumns.forEach(column -> columns.add(ParquetTable.identifier(column) + " VARCHAR"));
            columns.add(ParquetTable.identifier(vectorColumn) + " FLOAT[" + dims + "]");
            floatColumns.forEach(column -> columns.add(ParquetTable.identifier(column) + " FLOAT"));
            intColumns.forEach(column -> columns.add(ParquetTable.identifier(column) + " INTEGER"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE out (" + String.join(", ", columns) + ")");
            }
            DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("out");
            return new ParquetSink(target, connection, appender, textColumns.size(), floatColumns.size(), intColumns.size());
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new EmbexException("could not write " + target + ": " + ParquetTable.firstLine(e), e);
        }
    }

    /** One row: a text per text column (null or empty for none), the vector, and a value per number column. */
    public void row(List<String> values, float[] vector, float[] floatValues, int[] intValues) {
        if (values.size() != texts || floatValues.length != floats || intValues.length != ints) {
            throw new IllegalArgumentException(values.size() + " texts, " + floatValues.length + " floats and "
                    + intValues.length + " integers for " + texts + ", " + floats + " and " + ints + " columns");
        }
        try {
            appender.beginRow();
            for (String value : values) {
                if (value == null || value.isEmpty()) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            appender.append(vector);
            for (float value : floatValues) {
                appender.append(value);
            }
            for (int value : intValues) {
                appender.append(value);
            }
            appender.endRow();
            rows++;
        } catch (SQLException e) {
            throw new EmbexException("could not write " + target + " (at its row " + (rows + 1) + "): "
                    + ParquetTable.firstLine(e), e);
        }
    }

    /** Writes the rows to the target, with {@code keyValues} in the footer. */
    public void finish(Map<String, String> keyValues) {
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        try (Statement statement = connection.createStatement()) {
            appender.close();
            Files.deleteIfExists(partial);
            statement.execute("COPY out TO " + ParquetTable.literal(partial.toString()) + " (FORMAT parquet, COMPRESSION zstd,"
                    + " KV_METADATA {" + keyValues.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> ParquetTable.literal(e.getKey()) + ": " + ParquetTable.literal(e.getValue()))
                    .collect(Collectors.joining(", ")) + "})");
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The write already failed; that is the error to report.
            }
            throw new EmbexException("could not write " + target + ": " + (e instanceof SQLException sql
                    ? ParquetTable.firstLine(sql) : e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        try {
            try {
                if (!appender.isClosed()) {
                    appender.close();
                }
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new EmbexException("could not write " + target + ": " + ParquetTable.firstLine(e), e);
        }
    }
}
