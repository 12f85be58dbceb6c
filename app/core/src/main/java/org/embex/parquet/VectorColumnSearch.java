package org.embex.parquet;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.embex.BadInputException;

/**
 * The rows of a Parquet table (a file or a folder of parts) nearest to a vector by cosine, scored
 * where they lie: DuckDB reads the vector column part by part on every core and keeps the best, so
 * a table far larger than the heap is searched without its vectors ever being loaded. Exact: every
 * row is scored. For a map at a scale the window cannot hold the vectors of (decision 0023).
 */
public final class VectorColumnSearch {

    private final ParquetTable table;
    private final String column;

    /** A row, counted from 0 over the parts in their order, and its cosine with the query. */
    public record Hit(long row, double score) {
    }

    public VectorColumnSearch(ParquetTable table, ParquetTable.Column column) {
        if (!column.isNumberList()) {
            throw new BadInputException(table.file() + ": column '" + column.name() + "' holds " + column.type()
                    + ", not vectors (a list of FLOAT or DOUBLE)");
        }
        this.table = table;
        this.column = ParquetTable.identifier(column.name());
    }

    /** Row {@code row}'s vector (from 0 over the parts), read from its part alone. */
    public float[] vector(long row) {
        if (row < 0 || row >= table.rowCount()) {
            throw new IllegalArgumentException("row " + row + " of " + table.rowCount());
        }
        int part = 0;
        while (table.start(part + 1) <= row) {
            part++;
        }
        String sql = "SELECT " + column + " FROM " + table.numberedSource(part, part + 1) + " WHERE file_row_number = "
                + (row - table.start(part));
        try (Statement statement = table.connection().createStatement(); ResultSet found = statement.executeQuery(sql)) {
            Array values = found.next() ? found.getArray(1) : null;
            if (values == null) {
                throw new BadInputException(table.file() + ", " + table.describeRow(row + 1) + ": no vector (null)");
            }
            Object[] numbers = (Object[]) values.getArray();
            float[] vector = new float[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                vector[i] = ((Number) numbers[i]).floatValue();
            }
            return vector;
        } catch (SQLException e) {
            throw new BadInputException(table.file() + ": cannot read " + table.describeRow(row + 1) + ": " + ParquetTable.firstLine(e), e);
        }
    }

    /** The {@code k} rows nearest to {@code query} by cosine, best first; a tie goes to the earlier row. */
    public List<Hit> nearest(float[] query, int k) {
        StringBuilder literal = new StringBuilder("[");
        for (int i = 0; i < query.length; i++) {
            literal.append(i == 0 ? "" : ",").append(Float.toString(query[i]));
        }
        literal.append("]::FLOAT[]");
        // Every part in one query, so DuckDB spreads the parts' row groups over its threads and keeps only the best k.
        String sql = "SELECT file_index, file_row_number, list_cosine_similarity(" + column + "::FLOAT[], " + literal + ") AS score"
                + " FROM " + table.numberedSource(0, table.parts().size()) + " WHERE " + column + " IS NOT NULL"
                + " ORDER BY score DESC NULLS LAST, file_index, file_row_number LIMIT " + k;
        List<Hit> hits = new ArrayList<>(k);
        try (Statement statement = table.connection().createStatement(); ResultSet best = statement.executeQuery(sql)) {
            while (best.next()) {
                hits.add(new Hit(table.start(best.getInt(1)) + best.getLong(2), best.getDouble(3)));
            }
        } catch (SQLException e) {
            throw new BadInputException(table.file() + ": cannot search column " + column + ": " + ParquetTable.firstLine(e), e);
        }
        return hits;
    }
}
