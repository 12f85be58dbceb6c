package org.embex.vectorfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.embex.corpus.TextRow;
import org.embex.parquet.ParquetSink;
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
        List<String> columns = new ArrayList<>(List.of("id", "text", "label"));
        metadata.forEach(column -> columns.add(FIXED.contains(column) ? column + "_1" : column));
        try (ParquetSink sink = ParquetSink.open(target, columns, VECTOR_COLUMN, content.vectors().dims(), content.x() != null,
                content.clusters() != null)) {
            for (int row : content.rows()) {
                TextRow text = content.texts().get(row);
                List<String> values = new ArrayList<>(List.of(text.id(), text.text(), text.label() == null ? "" : text.label()));
                metadata.forEach(column -> values.add(text.metadata().get(column)));
                sink.row(values, content.vectors().row(row), content.x() == null ? 0 : content.x()[row],
                        content.y() == null ? 0 : content.y()[row], content.clusters() == null ? 0 : content.clusters()[row]);
            }
            sink.finish(Map.of("embex.model", content.model(), "embex.fingerprint", content.fingerprint()));
        }
    }
}
