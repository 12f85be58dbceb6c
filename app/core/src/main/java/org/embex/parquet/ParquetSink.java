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
 * {@code FLOAT[dims]}, and {@code x}, {@code y} (FLOAT) and {@code cluster} (INTEGER) when asked.
 * Rows go into an in-memory DuckDB table through its appender; {@link #finish} copies the table to
 * the file (zstd) with key-value metadata in the footer, beside the target first and then moved
 * into place, so the file appears whole or not at all.
 */
public final class ParquetSink implements AutoCloseable {

    private final Path target;
    private final Connection connection;
    private final DuckDBAppender appender;
    private final int texts;
    private final boolean map;
    private final boolean clusters;
    private long rows;

    private ParquetSink(Path target, Connection connection, DuckDBAppender appender, int texts, boolean map, boolean clusters) {
        this.target = target;
        this.connection = connection;
        this.appender = appender;
        this.texts = texts;
        this.map = map;
        this.clusters = clusters;
    }

    /**
     * @param target      the file the rows are for ({@link #finish} writes it)
     * @param textColumns the text columns' names, in order
     * @param map         whether rows carry x and y
     * @param clusters    whether rows carry a cluster
     */
    public static ParquetSink open(Path target, List<String> textColumns, String vectorColumn, int dims, boolean map,
                                   boolean clusters) {
        Connection connection = null;
        try {
            connection = ParquetTable.connect();
            List<String> columns = new ArrayList<>();
            textColumns.forEach(column -> columns.add(ParquetTable.identifier(column) + " VARCHAR"));
            columns.add(ParquetTable.identifier(vectorColumn) + " FLOAT[" + dims + "]");
            if (map) {
                columns.addAll(List.of("x FLOAT", "y FLOAT"));
            }
            if (clusters) {
                columns.add("cluster INTEGER");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE out (" + String.join(", ", columns) + ")");
            }
            DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("out");
            return new ParquetSink(target, connection, appender, textColumns.size(), map, clusters);
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

    /** One row: a text per text column (null or empty for none), the vector, and x, y, cluster when asked for. */
    public void row(List<String> values, float[] vector, float x, float y, int cluster) {
        if (values.size() != texts) {
            throw new IllegalArgumentException(values.size() + " texts for " + texts + " text columns");
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
            if (map) {
                appender.append(x).append(y);
            }
            if (clusters) {
                appender.append(cluster);
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
