package org.embex.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.embex.BadInputException;
import org.embex.EmbexException;

/**
 * The rows of a Parquet file (or of a folder's parts, one after the other) streamed from DuckDB, each as the texts of its columns that are not
 * vectors (a list of numbers is not a text, label, id or metadata; a list of anything else is, as
 * DuckDB writes it: {@code [a, b]}); a null is "". Rows are numbered from 1 in file order. They are
 * read in {@link RowSlices}, into batches that {@link #next()} takes slice after slice: file order is kept.
 */
public final class ParquetRows implements AutoCloseable {

    private static final int BATCH = 4096;
    private static final int QUEUED_BATCHES = 4;
    private static final int MIN_SLICE_ROWS = 50_000;

    /** What a slice hands over: rows, or the end of its rows, or why it stopped. */
    private record Batch(List<String[]> rows, RuntimeException failure) {
        static final Batch END = new Batch(List.of(), null);
    }

    private final ParquetTable table;
    private final List<String> columns;
    private final List<BlockingQueue<Batch>> slices;
    private final RowSlices readers;
    private int slice;
    private Iterator<String[]> batch = List.<String[]>of().iterator();
    private long row;

    private ParquetRows(ParquetTable table, List<String> columns, List<BlockingQueue<Batch>> slices, RowSlices readers) {
        this.table = table;
        this.columns = columns;
        this.slices = slices;
        this.readers = readers;
    }

    public static ParquetRows open(Path file) {
        ParquetTable table = ParquetTable.open(file);
        List<String> columns = table.columns().stream().filter(column -> !column.isNumberList())
                .map(ParquetTable.Column::name).toList();
        if (columns.isEmpty()) {
            table.close();
            throw new BadInputException(file + ": every column is a list of numbers ("
                    + String.join(", ", table.columns().stream().map(ParquetTable.Column::name).toList())
                    + "), so there is no id, text or label to show");
        }
        long rows;
        try {
            rows = table.rowCount();
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
        RowSlices readers = RowSlices.of(table, rows, MIN_SLICE_ROWS, "parquet-rows");
        String select = "SELECT " + String.join(", ", columns.stream().map(ParquetTable::identifier).toList()) + " FROM ";
        List<BlockingQueue<Batch>> slices = new ArrayList<>();
        for (int slice = 0; slice < readers.count(); slice++) {
            BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
            slices.add(queue);
            String query = select + readers.source(slice) + " WHERE " + readers.condition(slice);
            readers.submit(() -> read(readers, table, query, columns.size(), queue));
        }
        return new ParquetRows(table, columns, slices, readers);
    }

    /** One slice's rows into its queue, in batches; the end or the failure last. */
    private static Void read(RowSlices readers, ParquetTable table, String query, int width, BlockingQueue<Batch> queue) {
        Batch last = Batch.END;
        try (Connection connection = readers.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String[]> batch = new ArrayList<>(BATCH);
            while (rows.next()) {
                String[] values = new String[width];
                for (int i = 0; i < width; i++) {
                    String value = rows.getString(i + 1);
                    values[i] = value == null ? "" : value;
                }
                batch.add(values);
                if (batch.size() == BATCH) {
                    queue.put(new Batch(batch, null));
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(new Batch(batch, null));
            }
        } catch (SQLException e) {
            last = new Batch(List.of(), new BadInputException(table.file() + ": cannot read: " + ParquetTable.firstLine(e), e));
        } catch (InterruptedException e) {
            // Closed before the end: nobody takes the rest.
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            last = new Batch(List.of(), e);
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
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
        while (!batch.hasNext()) {
            if (slice == slices.size()) {
                return null;
            }
            Batch taken;
            try {
                taken = slices.get(slice).take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbexException(table.file() + ": reading was interrupted", e);
            }
            if (taken.failure() != null) {
                throw taken.failure();
            }
            if (taken == Batch.END) {
                slice++;
            } else {
                batch = taken.rows().iterator();
            }
        }
        row++;
        return batch.next();
    }

    /** The number, from 1, of the row {@link #next()} last gave. */
    public long row() {
        return row;
    }

    @Override
    public void close() {
        try {
            readers.close();
        } finally {
            table.close();
        }
    }
}
