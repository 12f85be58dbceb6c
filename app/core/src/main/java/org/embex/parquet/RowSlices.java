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
 * is the file in order. Closing stops the readers and waits until they have let go of their
 * connections, which the table's closing would pull from under them.
 */
final class RowSlices implements AutoCloseable {

    /** Slices at most: DuckDB's scan needs a core too. */
    private static final int MAX = 4;

    private final ParquetTable table;
    private final long rows;
    private final int count;
    private final ExecutorService readers;

    private RowSlices(ParquetTable table, long rows, int count, ExecutorService readers) {
        this.table = table;
        this.rows = rows;
        this.count = count;
        this.readers = readers;
    }

    /** @param fewest rows a slice should have at least: fewer are not worth a connection */
    static RowSlices of(ParquetTable table, long rows, int fewest, String threadName) {
        int count = (int) Math.max(1, Math.min(Math.min(MAX, Runtime.getRuntime().availableProcessors()), rows / fewest));
        return new RowSlices(table, rows, count, Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        }));
    }

    int count() {
        return count;
    }

    /** The first row of slice {@code slice}, from 0. */
    long from(int slice) {
        return rows * slice / count;
    }

    /** The row after the last of slice {@code slice}. */
    long to(int slice) {
        return rows * (slice + 1) / count;
    }

    /** The table the readers select from: the file with its row numbers. */
    String source() {
        return ParquetTable.numberedSource(table.file());
    }

    /** The condition that keeps slice {@code slice}'s rows of {@link #source()}. */
    String condition(int slice) {
        return "file_row_number >= " + from(slice) + " AND file_row_number < " + to(slice);
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
