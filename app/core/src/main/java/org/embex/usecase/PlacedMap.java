package org.embex.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.embex.BadInputException;
import org.embex.corpus.Corpus;
import org.embex.corpus.TableFormat;
import org.embex.corpus.TextRow;
import org.embex.layout.Layout;
import org.embex.parquet.ParquetTable;
import org.embex.parquet.VectorColumnSearch;
import org.embex.vectors.Neighbour;

/**
 * A map made beyond one machine: the Spark map job's table (the embed job's rows with {@code x},
 * {@code y} and {@code cluster} added), opened from its places with the vectors left in the file.
 * Nothing is embedded or laid out; a row's neighbours are found on demand by scoring the file's
 * vectors where they lie ({@link VectorColumnSearch}), exactly, as the window's click does for a
 * corpus it holds.
 */
public final class PlacedMap implements AutoCloseable {

    /**
     * What the map job leaves beside its parts, once they are all written: it marks the folder as a
     * map to open from its places. A file of embex's own with x and y (a selection exported with its
     * map) is no such map: it is small enough for the explorer, which holds its vectors.
     */
    public static final String MARKER = "_embex-map.json";

    private static final String X = "x";
    private static final String Y = "y";
    private static final String CLUSTER = "cluster";

    private final Corpus corpus;
    private final Layout layout;
    private final int[] clusters;
    private final ParquetTable table;
    private final VectorColumnSearch search;
    /** Each corpus row's row in the file, from 0: rows a filter or a bad text left out have none. */
    private final long[] fileRows;

    private PlacedMap(Corpus corpus, Layout layout, int[] clusters, ParquetTable table, VectorColumnSearch search, long[] fileRows) {
        this.corpus = corpus;
        this.layout = layout;
        this.clusters = clusters;
        this.table = table;
        this.search = search;
        this.fileRows = fileRows;
    }

    /** Whether {@code file} is such a map: the map job's folder of parts, with number columns x and y and a vector column. */
    public static boolean isMap(Path file) {
        if (!Files.isRegularFile(file.resolve(MARKER)) || TableFormat.of(file) != TableFormat.PARQUET) {
            return false;
        }
        try (ParquetTable table = ParquetTable.open(file)) {
            return number(table, X) && number(table, Y) && vectorColumn(table).isPresent();
        } catch (BadInputException unreadable) {
            // Not for this check to report: the corpus reader says what is wrong with the file, where it is read.
            return false;
        }
    }

    /** The map's rows and places as {@code spec} reads them; the vectors stay in the file. */
    public static PlacedMap open(CorpusSpec spec) {
        Corpus corpus = spec.read();
        ParquetTable table = ParquetTable.open(spec.file());
        try {
            ParquetTable.Column vectors = vectorColumn(table).orElseThrow(() -> new BadInputException(spec.file()
                    + ": no vector column; a map made by embex's Spark map job keeps the embed job's vectors beside x and y"));
            int n = corpus.rows().size();
            float[] x = new float[n];
            float[] y = new float[n];
            int[] clusters = new int[n];
            long[] fileRows = new long[n];
            boolean clustered = corpus.columns().contains(CLUSTER);
            for (int i = 0; i < n; i++) {
                TextRow row = corpus.rows().get(i);
                x[i] = coordinate(table, row, X);
                y[i] = coordinate(table, row, Y);
                clusters[i] = clustered ? cluster(table, row) : 0;
                fileRows[i] = row.line() - 1;
            }
            return new PlacedMap(corpus, new Layout(x, y), clusters, table, new VectorColumnSearch(table, vectors), fileRows);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /**
     * Row {@code index}'s {@code k} nearest other rows by cosine, best first, scored from the file's
     * vectors; one search at a time, as the map has one DuckDB connection.
     */
    public synchronized List<Neighbour> neighbours(int index, int k) {
        if (k < 1) {
            throw new BadInputException("k must be at least 1, was " + k);
        }
        float[] query = search.vector(fileRows[index]);
        List<Neighbour> found = new ArrayList<>(k);
        // Rows the corpus left out (a filter, a bad text) may be among the nearest: asked for as many more, k survive.
        long asked = Math.min(table.rowCount(), (long) k + 1 + (table.rowCount() - fileRows.length));
        for (VectorColumnSearch.Hit hit : search.nearest(query, (int) Math.min(Integer.MAX_VALUE, asked))) {
            int row = Arrays.binarySearch(fileRows, hit.row());
            // A row of the file the corpus left out (a filter, a bad text) is not on the map.
            if (row >= 0 && row != index && found.size() < k) {
                found.add(new Neighbour(row, hit.score()));
            }
        }
        return found;
    }

    /** The rows of the file, every one of them scored by a search. */
    public long rowsInFile() {
        return table.rowCount();
    }

    public Corpus corpus() {
        return corpus;
    }

    public Layout layout() {
        return layout;
    }

    /** Each row's cluster from the map job (all 0 when the table has no cluster column). */
    public int[] clusters() {
        return clusters.clone();
    }

    /** Waits for a search still running on another thread: the connection is closed under no query. */
    @Override
    public synchronized void close() {
        table.close();
    }

    private static boolean number(ParquetTable table, String name) {
        return table.columns().stream().anyMatch(column -> column.name().equals(name)
                && List.of("FLOAT", "DOUBLE", "REAL").contains(column.type()));
    }

    /** The column named embedding when it holds vectors, else the first that does. */
    private static Optional<ParquetTable.Column> vectorColumn(ParquetTable table) {
        List<ParquetTable.Column> lists = table.columns().stream().filter(ParquetTable.Column::isNumberList).toList();
        return lists.stream().filter(column -> column.name().equals("embedding")).findFirst().or(() -> lists.stream().findFirst());
    }

    private static float coordinate(ParquetTable table, TextRow row, String column) {
        String value = row.metadata().get(column);
        try {
            float number = Float.parseFloat(value);
            if (Float.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // named below, with the row
        }
        throw new BadInputException(table.file() + ", " + table.describeRow(row.line()) + ": " + column + " is '" + value
                + "', not a finite number");
    }

    private static int cluster(ParquetTable table, TextRow row) {
        String value = row.metadata().get(CLUSTER);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadInputException(table.file() + ", " + table.describeRow(row.line()) + ": cluster is '" + value
                    + "', not a whole number");
        }
    }
}
