package org.embex.vectorfile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.embex.BadInputException;
import org.embex.corpus.ParquetTable;

/**
 * A list column of a Parquet file read into one row-major {@code float[]}, in file order. DuckDB
 * checks the rows' widths and nulls in one aggregate before any value is read (a ragged or
 * missing row is found by number only when there is one), then streams the values unnested, so
 * the vectors are held once, as float32, and never as a row object each.
 */
final class ParquetVectors {

    private ParquetVectors() {
    }

    /** The column's values; {@code dims[0]} receives the width. */
    static float[] read(ParquetTable table, ParquetTable.Column column, int[] dims) {
        String where = table.file() + ": column '" + column.name() + "'";
        if (!column.isNumberList()) {
            throw new BadInputException(where + " holds " + column.type() + ", not vectors (a list of FLOAT or DOUBLE)");
        }
        String name = ParquetTable.identifier(column.name());
        String source = ParquetTable.source(table.file());
        try (Statement statement = table.connection().createStatement()) {
            long rows;
            long present;
            int width;
            int widest;
            try (ResultSet shape = statement.executeQuery("SELECT count(*), count(" + name + "), min(len(" + name + ")), max(len("
                    + name + ")) FROM " + source)) {
                shape.next();
                rows = shape.getLong(1);
                present = shape.getLong(2);
                width = shape.getInt(3);
                widest = shape.getInt(4);
            }
            if (present < rows) {
                throw new BadInputException(where + ", row " + firstRow(statement, source, name + " IS NULL") + ": no vector (null)");
            }
            if (width != widest) {
                // The first row sets the width, as in every other format; the first row that differs is the one named.
                int first;
                try (ResultSet head = statement.executeQuery("SELECT len(" + name + ") FROM " + source + " LIMIT 1")) {
                    head.next();
                    first = head.getInt(1);
                }
                long row = firstRow(statement, source, "len(" + name + ") <> " + first);
                throw new BadInputException(where + ", row " + row + ": the vector's width differs from the rows"
                        + " before it (" + first + "); widths in this column run from " + width + " to " + widest);
            }
            if (width == 0) {
                throw new BadInputException(where + ": the vectors are empty");
            }
            long count = rows * width;
            if (count > Integer.MAX_VALUE - 8) {
                throw new BadInputException(where + ": " + rows + " × " + width + " values are more than one array holds (2^31)");
            }
            float[] values = new float[(int) count];
            int at = 0;
            try (ResultSet unnested = statement.executeQuery("SELECT unnest(" + name + ") FROM " + source)) {
                while (unnested.next()) {
                    float value = unnested.getFloat(1);
                    // A null inside a vector reads as 0 with wasNull set: report it as NaN is, not as a zero.
                    values[at++] = unnested.wasNull() ? Float.NaN : value;
                }
            }
            dims[0] = width;
            return values;
        } catch (SQLException e) {
            throw new BadInputException(where + ": cannot read: " + ParquetTable.firstLine(e), e);
        }
    }

    /** The number, from 1, of the first row where {@code condition} holds. */
    private static long firstRow(Statement statement, String source, String condition) throws SQLException {
        try (ResultSet found = statement.executeQuery("SELECT r FROM (SELECT row_number() OVER () AS r, * FROM " + source
                + ") WHERE " + condition + " ORDER BY r LIMIT 1")) {
            return found.next() ? found.getLong(1) : 0;
        }
    }
}
