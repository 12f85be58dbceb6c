package org.embex.vectorfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.embex.corpus.TextRow;
import org.embex.parquet.ParquetSink;
import org.embex.vectors.VectorMatrix;

/**
 * Writes rows with their vectors as Parquet: {@code id}, {@code text}, {@code label}, the corpus's
 * other columns (text), {@code embedding} as {@code FLOAT[dims]}, and whatever number columns the
 * export adds (a map's {@code x} and {@code y}, a {@code cluster}, a duplicate {@code group});
 * the model's id and fingerprint go in the file's key-value metadata ({@code embex.model},
 * {@code embex.fingerprint}). embex opens the file again with {@code -m file:embedding}; any
 * Parquet reader reads it. The file appears whole or not at all.
 */
public final class ParquetExport {

    /** The vector column's name: the first that {@code file:} alone looks for. */
    public static final String VECTOR_COLUMN = "embedding";

    private ParquetExport() {
    }

    /**
     * What is written.
     *
     * @param floats number columns by name, each a value per corpus row (only {@code rows} are written)
     * @param ints   whole-number columns by name, likewise
     * @param rows   which rows, in this order
     */
    public record Content(List<TextRow> texts, VectorMatrix vectors, Map<String, float[]> floats, Map<String, int[]> ints,
                          List<Integer> rows, String model, String fingerprint) {

        public Content {
            floats = new LinkedHashMap<>(floats);
            ints = new LinkedHashMap<>(ints);
        }
    }

    /**
     * The names the corpus's own columns are written under beside id, text, label and the columns
     * an export adds ({@code taken}): a clash gets {@code _1}, so that no file has a column twice.
     */
    public static List<String> metadataNames(List<String> metadata, Set<String> taken) {
        Set<String> fixed = new HashSet<>(taken);
        fixed.addAll(List.of("id", "text", "label"));
        return metadata.stream().map(column -> fixed.contains(column) ? column + "_1" : column).toList();
    }

    public static void write(Path target, Content content) {
        Set<String> taken = new HashSet<>(List.of(VECTOR_COLUMN));
        taken.addAll(content.floats().keySet());
        taken.addAll(content.ints().keySet());
        Set<String> metadataSet = new LinkedHashSet<>();
        for (int row : content.rows()) {
            metadataSet.addAll(content.texts().get(row).metadata().keySet());
        }
        List<String> metadata = List.copyOf(metadataSet);
        List<String> columns = new ArrayList<>(List.of("id", "text", "label"));
        columns.addAll(metadataNames(metadata, taken));
        List<float[]> floats = List.copyOf(content.floats().values());
        List<int[]> ints = List.copyOf(content.ints().values());
        try (ParquetSink sink = ParquetSink.open(target, columns, VECTOR_COLUMN, content.vectors().dims(),
                List.copyOf(content.floats().keySet()), List.copyOf(content.ints().keySet()))) {
            float[] floatValues = new float[floats.size()];
            int[] intValues = new int[ints.size()];
            for (int row : content.rows()) {
                TextRow text = content.texts().get(row);
                List<String> values = new ArrayList<>(List.of(text.id(), text.text(), text.label() == null ? "" : text.label()));
                metadata.forEach(column -> values.add(text.metadata().get(column)));
                for (int f = 0; f < floatValues.length; f++) {
                    floatValues[f] = floats.get(f)[row];
                }
                for (int i = 0; i < intValues.length; i++) {
                    intValues[i] = ints.get(i)[row];
                }
                sink.row(values, content.vectors().row(row), floatValues, intValues);
            }
            sink.finish(Map.of("embex.model", content.model(), "embex.fingerprint", content.fingerprint()));
        }
    }
}
