package org.embex.parquet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.embex.BadInputException;
import org.embex.EmbexException;

/**
 * A list column of a Parquet file read into one row-major {@code float[]}, in file order, held once
 * as float32 and never as a row object each, by {@link RowSlices}, each slice's values unnested into
 * its part of the array. Each reader takes only rows of the first row's width, so a ragged or
 * missing row leaves its slice short of values; only then does an aggregate look at every row's
 * width and nulls, to name the row (decision 0017).
 */
public final class ParquetVectors {

    /** Fewer rows than this are not worth a connection of their own. */
    private static final int MIN_SLICE_ROWS = 200;

    private ParquetVectors() {
    }

    /** The widths and nulls of the column's rows, as one aggregate found them. */
    private record Shape(long rows, long present, int narrowest, int widest) {
    }

    /** The column's values; {@code dims[0]} receives the width. */
    public static float[] read(ParquetTable table, ParquetTable.Column column, int[] dims) {
        String where = table.file() + ": column '" + column.name() + "'";
        if (!column.isNumberList()) {
            throw new BadInputException(where + " holds " + column.type() + ", not vectors (a list of FLOAT or DOUBLE)");
        }
        String name = ParquetTable.identifier(column.name());
        String source = table.source();
        long rows = table.rowCount();
        int width = firstWidth(table, name, source, where);
        long count = rows * Math.max(width, 1);
        if (count > Integer.MAX_VALUE - 8) {
            throw new BadInputException(where + ": " + rows + " × " + width + " values are more than one array holds (2^31)");
        }
        float[] values = new float[(int) count];
        try (RowSlices slices = RowSlices.of(table, rows, MIN_SLICE_ROWS, "parquet-vectors")) {
            if (width == 0) {
                // The first row has no vector, or an empty one: the check says which.
                check(shape(table, name, source, where), table, name, source, where);
            }
            List<Future<Long>> read = new ArrayList<>();
            for (int slice = 0; slice < slices.count(); slice++) {
                read.add(slices.submit(slice(slices, slice, name, values, width)));
            }
            for (int slice = 0; slice < slices.count(); slice++) {
                long expected = (slices.to(slice) - slices.from(slice)) * width;
                if (get(read.get(slice), where) != expected) {
                    // A row of another width or without a vector was left out by the readers: find it and say which.
                    check(shape(table, name, source, where), table, name, source, where);
                    throw new EmbexException(where + ": slice " + slice + " read a different number of values than its rows hold");
                }
            }
        }
        dims[0] = width;
        return values;
    }

    /** The first row's width, which every row must have; 0 when it has no vector (the shape check names it). */
    private static int firstWidth(ParquetTable table, String name, String source, String where) {
        try (Statement statement = table.connection().createStatement();
             ResultSet head = statement.executeQuery("SELECT len(" + name + ") FROM " + source + " LIMIT 1")) {
            return head.next() ? head.getInt(1) : 0;
        } catch (SQLException e) {
            throw new BadInputException(where + ": cannot read: " + ParquetTable.firstLine(e), e);
        }
    }

    private static Shape shape(ParquetTable table, String name, String source, String where) {
        try (Statement statement = table.connection().createStatement();
             ResultSet shape = statement.executeQuery("SELECT count(*), count(" + name + "), min(len(" + name + ")), max(len("
                     + name + ")) FROM " + source)) {
            shape.next();
            return new Shape(shape.getLong(1), shape.getLong(2), shape.getInt(3), shape.getInt(4));
        } catch (SQLException e) {
            throw new BadInputException(where + ": cannot read: " + ParquetTable.firstLine(e), e);
        }
    }

    private static void check(Shape shape, ParquetTable table, String name, String source, String where) {
        try {
            if (shape.present() < shape.rows()) {
                throw new BadInputException(where + ", " + table.describeRow(table.firstRowWhere(name + " IS NULL")) + ": no vector (null)");
            }
            if (shape.narrowest() != shape.widest()) {
                // The first row sets the width, as in every other format; the first row that differs is the one named.
                int first = firstWidth(table, name, source, where);
                long row = table.firstRowWhere("len(" + name + ") <> " + first);
                throw new BadInputException(where + ", " + table.describeRow(row) + ": the vector's width differs from the rows before it ("
                        + first + "); widths in this column run from " + shape.narrowest() + " to " + shape.widest());
            }
            if (shape.widest() == 0) {
                throw new BadInputException(where + ": the vectors are empty");
            }
        } catch (SQLException e) {
            throw new BadInputException(where + ": cannot read: " + ParquetTable.firstLine(e), e);
        }
    }

    /** Reads one slice's rows into their place; returns how many values it read. */
    private static Callable<Long> slice(RowSlices slices, int slice, String name, float[] values, int width) {
        long from = slices.from(slice);
        return () -> {
            long at = from * width;
            long end = slices.to(slice) * width;
            try (Connection connection = slices.connection();
                 Statement statement = connection.createStatement();
                 ResultSet unnested = statement.executeQuery("SELECT unnest(" + name + ") FROM "
                         + slices.source(slice) + " WHERE len(" + name + ") = " + width + " AND "
                         + slices.condition(slice))) {
                while (unnested.next()) {
                    if (at == end) {
                        // The filter leaves no room for it, but a slice must never write into the next one's rows.
                        return at + 1 - from * width;
                    }
                    float value = unnested.getFloat(1);
                    // A null inside a vector reads as 0 with wasNull set: it is reported as NaN is, not taken as a zero.
                    values[(int) at++] = unnested.wasNull() ? Float.NaN : value;
                }
            }
            return at - from * width;
        };
    }

    private static <T> T get(Future<T> future, String where) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbexException(where + ": reading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            if (e.getCause() instanceof SQLException sql) {
                throw new BadInputException(where + ": cannot read: " + ParquetTable.firstLine(sql), sql);
            }
            throw new EmbexException(where + ": cannot read: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
