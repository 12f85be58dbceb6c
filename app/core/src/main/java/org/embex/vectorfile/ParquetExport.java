package org.embex.vectorfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.embex.EmbexException;
import org.embex.corpus.ParquetTable;
import org.embex.corpus.TextRow;
import org.embex.vectors.VectorMatrix;

/**
 * Writes rows with their vectors as Parquet: {@code id}, {@code text}, {@code label}, the corpus's
 * other columns (text), {@code embedding} as {@code FLOAT[dims]}, and {@code x}, {@code y},
 * {@code cluster} when known; the model's id and fingerprint go in the file's key-value metadata
 * ({@code embex.model}, {@code embex.fingerprint}). embex opens the file again with
 * {@code -m file:embedding}; any Parquet reader reads it. The file appears whole or not at all.
 */
public final class ParquetExport {

    /** The vector column's name: the first that {@code file:} alone looks for. */
    public static final String VECTOR_COLUMN = "embedding";

    private static final Set<String> FIXED = Set.of("id", "text", "label", VECTOR_COLUMN, "x", "y", "cluster");

    private ParquetExport() {
    }

    /**
     * What is written.
     *
     * @param x        map coordinates by row, or null when no map was made
     * @param clusters a cluster per row, or null when none was computed
     * @param rows     which rows, in this order
     */
    public record Content(List<TextRow> texts, VectorMatrix vectors, float[] x, float[] y, int[] clusters, List<Integer> rows,
                          String model, String fingerprint) {
    }

    public static void write(Path target, Content content) {
        Set<String> metadataSet = new LinkedHashSet<>();
        for (int row : content.rows()) {
            metadataSet.addAll(content.texts().get(row).metadata().keySet());
        }
        List<String> metadata = List.copyOf(metadataSet);
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            List<String> columns = new ArrayList<>(List.of("id VARCHAR", "text VARCHAR", "label VARCHAR"));
            metadata.forEach(column -> columns.add(ParquetTable.identifier(outName(column)) + " VARCHAR"));
            columns.add(VECTOR_COLUMN + " FLOAT[" + content.vectors().dims() + "]");
            if (content.x() != null) {
                columns.addAll(List.of("x FLOAT", "y FLOAT"));
            }
            if (content.clusters() != null) {
                columns.add("cluster INTEGER");
            }
            statement.execute("CREATE TABLE out (" + String.join(", ", columns) + ")");
            try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("out")) {
                for (int row : content.rows()) {
                    TextRow text = content.texts().get(row);
                    appender.beginRow().append(text.id()).append(text.text());
                    optional(appender, text.label());
                    for (String column : metadata) {
                        optional(appender, text.metadata().get(column));
                    }
                    appender.append(content.vectors().row(row));
                    if (content.x() != null) {
                        appender.append(content.x()[row]).append(content.y()[row]);
                    }
                    if (content.clusters() != null) {
                        appender.append(content.clusters()[row]);
                    }
                    appender.endRow();
                }
            }
            Files.deleteIfExists(partial);
            statement.execute("COPY out TO " + ParquetTable.literal(partial.toString()) + " (FORMAT parquet, COMPRESSION zstd,"
                    + " KV_METADATA {" + keyValues(Map.of("embex.model", content.model(), "embex.fingerprint",
                    content.fingerprint())) + "})");
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The export already failed; that is the error to report.
            }
            throw new EmbexException("could not write " + target + ": " + (e instanceof SQLException sql
                    ? ParquetTable.firstLine(sql) : e.getMessage()), e);
        }
    }

    /** A metadata column keeps its name unless it is one embex writes itself. */
    private static String outName(String column) {
        return FIXED.contains(column) ? column + "_1" : column;
    }

    private static void optional(DuckDBAppender appender, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static String keyValues(Map<String, String> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> ParquetTable.literal(e.getKey()) + ": " + ParquetTable.literal(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
