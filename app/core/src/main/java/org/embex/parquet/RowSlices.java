package org.embex.parquet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.duckdb.DuckDBConnection;
import org.embex.EmbexException;

/**
 * A Parquet file's rows cut into one range per core, each read by a thread of its own over a
 * connection of its own: JDBC hands over one value at a time, so one reader alone is bound by the
 * Java side (decision record 0017). DuckDB keeps a scan's rows in file order, so slice after slice
 * is the file in order. A folder of parts is cut between parts, each slice a run of whole parts of
 * about as many rows, read as one table in part order. Closing stops the readers and waits until
 * they have let go of their connections, which the table's closing would pull from under them.
 */
final class RowSlices implements AutoCloseable {

    /** Slices at most: DuckDB's scan needs a core too. */
    private static final int MAX = 4;

    private final ParquetTable table;
    private final long rows;
    private final int count;
    /** For a folder: the first part of each slice, and one more entry, the number of parts; null for one file. */
    private final int[] firstParts;
    private final ExecutorService readers;

    private RowSlices(ParquetTable table, long rows, int count, int[] firstParts, ExecutorService readers) {
        this.table = table;
        this.rows = rows;
        this.count = count;
        this.firstParts = firstParts;
        this.readers = readers;
    }

    /** @param fewest rows a slice should have at least: fewer are not worth a connection */
    static RowSlices of(ParquetTable table, long rows, int fewest, String threadName) {
        int wanted = (int) Math.max(1, Math.min(Math.min(MAX, Runtime.getRuntime().availableProcessors()), rows / fewest));
        int[] firstParts = table.parts().size() == 1 ? null : firstParts(table, rows, wanted);
        int count = firstParts == null ? wanted : firstParts.length - 1;
        return new RowSlices(table, rows, count, firstParts, Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Cuts between parts, each where the rows before it first reach a {@code wanted}th share; fewer when parts are few. */
    private static int[] firstParts(ParquetTable table, long rows, int wanted) {
        int parts = table.parts().size();
        int[] cuts = new int[wanted + 1];
        int found = 1;
        for (int part = 1; part < parts && found < wanted; part++) {
            if (table.start(part) * wanted >= rows * found) {
                cuts[found++] = part;
            }
        }
        cuts[found] = parts;
        return java.util.Arrays.copyOf(cuts, found + 1);
    }

    int count() {
        return count;
    }

    /** The first row of slice {@code slice}, from 0. */
    long from(int slice) {
        return firstParts == null ? rows * slice / count : table.start(firstParts[slice]);
    }

    /** The row after the last of slice {@code slice}. */
    long to(int slice) {
        return firstParts == null ? rows * (slice + 1) / count : table.start(firstParts[slice + 1]);
    }

    /** The table slice {@code slice}'s reader selects from: its file or parts, with their row numbers. */
    String source(int slice) {
        return firstParts == null ? table.numberedSource(0, 1) : table.numberedSource(firstParts[slice], firstParts[slice + 1]);
    }

    /** The condition that keeps slice {@code slice}'s rows of {@link #source(int)}. */
    String condition(int slice) {
        return firstParts == null ? "file_row_number >= " + from(slice) + " AND file_row_number < " + to(slice) : "true";
    }

    /** A connection of a reader's own to the table's database. */
    Connection connection() throws SQLException {
        return ((DuckDBConnection) table.connection()).duplicate();
    }

    <T> Future<T> submit(Callable<T> reader) {
        return readers.submit(reader);
    }

    @Override
    public void close() {
        readers.shutdownNow();
        try {
            if (!readers.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new EmbexException(table.file() + ": reading its rows did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
