package org.embex.vectorfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.embex.BadInputException;
import org.embex.corpus.Corpus;
import org.embex.corpus.TableFormat;
import org.embex.corpus.TextRow;
import org.embex.parquet.ParquetTable;
import org.embex.parquet.ParquetVectors;
import org.embex.vectors.Metric;
import org.embex.vectors.NpyReader;
import org.embex.vectors.VectorMatrix;

/**
 * Reads the vectors a {@link VectorSource} names for a corpus already read, row for row with it:
 * from a list column of the Parquet file, a JSON-array column of any corpus file, the {@code .npy}
 * file that is the corpus, or a separate {@code .npy} or TensorBoard {@code .tsv} file aligned by
 * row with the corpus (its metadata file). Every row is checked ({@link VectorChecks}).
 */
public final class VectorFiles {

    /** Column names that hold vectors by convention, tried when {@code file:} names no column. */
    private static final List<String> USUAL_NAMES = List.of("embedding", "embeddings", "vector", "vectors", "emb");

    private VectorFiles() {
    }

    public static ImportedVectors read(Corpus corpus, TableFormat format, VectorSource source) {
        Path file = corpus.source();
        Optional<Path> separate = source.separateFile(file);
        if (separate.isPresent()) {
            return fromSeparateFile(corpus, separate.get(), source);
        }
        if (format == TableFormat.NPY) {
            NpyReader.Header header = NpyReader.header(file);
            return checked(source.named(file.getFileName().toString()), corpus, NpyReader.values(file, header), header.columns(),
                    row -> file + ": row " + row + " (from 0)");
        }
        if (format == TableFormat.PARQUET) {
            try (ParquetTable table = ParquetTable.open(file)) {
                Optional<ParquetTable.Column> list = listColumn(table, source);
                if (list.isPresent()) {
                    int[] dims = new int[1];
                    float[] values = ParquetVectors.read(table, list.get(), dims);
                    values = keepRows(values, dims[0], corpus, table.rowCount());
                    String column = list.get().name();
                    return checked(source.named(column), corpus, values, dims[0], row -> file + ": row " + corpus.rows().get(row).line()
                            + ", column '" + column + "'");
                }
            }
        }
        return fromJsonColumn(corpus, source);
    }

    /**
     * The vectors a corpus file brings, as references a face offers beside the models: a Parquet
     * file's list columns, a column whose first value is a JSON array, or the {@code .npy} file itself.
     */
    public static List<String> offered(Corpus corpus, TableFormat format) {
        Path file = corpus.source();
        if (format == TableFormat.NPY) {
            return List.of(VectorSource.PREFIX + file.getFileName());
        }
        List<String> offered = new ArrayList<>();
        if (format == TableFormat.PARQUET) {
            try (ParquetTable table = ParquetTable.open(file)) {
                table.columns().stream().filter(ParquetTable.Column::isNumberList)
                        .forEach(column -> offered.add(VectorSource.PREFIX + column.name()));
            }
        }
        Map<String, String> first = corpus.rows().get(0).metadata();
        corpus.columns().stream().filter(column -> isVector(first.get(column)))
                .forEach(column -> offered.add(VectorSource.PREFIX + column));
        return List.copyOf(offered);
    }

    /** Whether a cell holds a vector: a JSON array of numbers (a list of tags does not). */
    private static boolean isVector(String cell) {
        if (cell == null || !cell.strip().startsWith("[")) {
            return false;
        }
        try {
            JsonVector.parse(cell, 0, "");
            return true;
        } catch (BadInputException notNumbers) {
            return false;
        }
    }

    private static Optional<ParquetTable.Column> listColumn(ParquetTable table, VectorSource source) {
        if (source.part().isEmpty()) {
            List<ParquetTable.Column> lists = table.columns().stream().filter(ParquetTable.Column::isNumberList).toList();
            if (lists.size() == 1) {
                return Optional.of(lists.get(0));
            }
            throw new BadInputException(table.file() + ": " + (lists.isEmpty() ? "no column holds vectors (lists of numbers)"
                    : "several columns hold vectors (" + String.join(", ", lists.stream().map(ParquetTable.Column::name).toList())
                    + ")") + "; name one with file:COLUMN (columns: " + String.join(", ",
                    table.columns().stream().map(c -> c.name() + " " + c.type()).toList()) + ")");
        }
        Optional<ParquetTable.Column> named = table.columns().stream().filter(c -> c.name().equals(source.part())).findFirst();
        if (named.isEmpty()) {
            throw new BadInputException(table.file() + ": no column '" + source.part() + "' (columns: " + String.join(", ",
                    table.columns().stream().map(c -> c.name() + " " + c.type()).toList()) + ")");
        }
        return named.filter(ParquetTable.Column::isNumberList);
    }

    /** The rows the corpus kept (a row with a blank text may have been skipped), by their row numbers. */
    private static float[] keepRows(float[] values, int dims, Corpus corpus, long fileRows) {
        if (corpus.rows().size() == fileRows) {
            return values;
        }
        float[] kept = new float[corpus.rows().size() * dims];
        for (int i = 0; i < corpus.rows().size(); i++) {
            long row = corpus.rows().get(i).line() - 1;
            System.arraycopy(values, Math.toIntExact(row * dims), kept, i * dims, dims);
        }
        return kept;
    }

    private static ImportedVectors fromSeparateFile(Corpus corpus, Path vectors, VectorSource source) {
        int dims;
        float[] values;
        if (vectors.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            NpyReader.Header header = NpyReader.header(vectors);
            values = NpyReader.values(vectors, header);
            dims = header.columns();
        } else {
            int[] width = new int[1];
            values = TsvVectors.read(vectors, width);
            dims = width[0];
        }
        long vectorRows = values.length / dims;
        if (!corpus.skipped().isEmpty()) {
            throw new BadInputException(corpus.source() + ": " + corpus.skipped().size() + " rows were skipped as bad, so its rows"
                    + " no longer line up with the vectors of " + vectors + "; fix those rows or read without skipping");
        }
        if (vectorRows != corpus.rows().size()) {
            throw new BadInputException(corpus.source() + " has " + corpus.rows().size() + " rows but " + vectors + " has "
                    + vectorRows + " vectors; they must line up row for row"
                    + (vectorRows == corpus.rows().size() + 1 && corpus.columns().size() == 1
                    && vectors.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")
                    ? " (a metadata file of one column has no header in TensorBoard's layout: read it with --no-header)" : ""));
        }
        return checked(source, corpus, values, dims, row -> vectors + ": row " + (row + 1) + " (metadata line "
                + corpus.rows().get(row).line() + ")");
    }

    private static ImportedVectors fromJsonColumn(Corpus corpus, VectorSource source) {
        String column = source.part().isEmpty() ? usualColumn(corpus) : source.part();
        if (!corpus.columns().contains(column)) {
            throw new BadInputException(corpus.source() + ": no column '" + column + "' (columns: "
                    + String.join(", ", corpus.columns()) + ")");
        }
        FloatList values = new FloatList();
        int dims = 0;
        List<TextRow> rows = new ArrayList<>(corpus.rows().size());
        for (TextRow row : corpus.rows()) {
            String where = corpus.source() + ": line " + row.line() + ", column '" + column + "'";
            String cell = row.metadata().get(column);
            if (cell == null) {
                throw new BadInputException(where + (corpus.rows().stream().anyMatch(other -> other.metadata().containsKey(column))
                        ? ": the row has no such field" : ": the column is read as the text, label or id, not as a vector"));
            }
            float[] vector = JsonVector.parse(cell, dims, where);
            dims = vector.length;
            values.add(vector);
            Map<String, String> metadata = new LinkedHashMap<>(row.metadata());
            metadata.remove(column);
            rows.add(new TextRow(row.id(), row.text(), row.label(), metadata, row.line()));
        }
        List<String> columns = corpus.columns().stream().filter(c -> !c.equals(column)).toList();
        Corpus rest = new Corpus(corpus.source(), columns, rows, corpus.skipped());
        return checked(source.named(column), rest, values.toArray(), dims, row -> corpus.source() + ": line " + rows.get(row).line()
                + ", column '" + column + "'");
    }

    private static String usualColumn(Corpus corpus) {
        return USUAL_NAMES.stream().filter(corpus.columns()::contains).findFirst().orElseThrow(() -> new BadInputException(
                corpus.source() + ": no column named " + String.join(", ", USUAL_NAMES) + "; name the vector column with"
                        + " file:COLUMN (columns: " + String.join(", ", corpus.columns()) + ")"));
    }

    private static ImportedVectors checked(VectorSource source, Corpus corpus, float[] values, int dims, IntFunction<String> where) {
        VectorChecks.Checked checked = VectorChecks.check(values, dims, where);
        if (source.unit()) {
            for (int row = 0; row < values.length / dims; row++) {
                Metric.normalize(values, row * dims, dims);
            }
        }
        // Scaled vectors are other vectors: their maps are kept apart from those of the values as given.
        String fingerprint = checked.fingerprint() + (source.unit() ? "-unit" : "");
        return new ImportedVectors(source.reference(), corpus, VectorMatrix.wrap(values, dims), fingerprint, checked.norms());
    }
}
