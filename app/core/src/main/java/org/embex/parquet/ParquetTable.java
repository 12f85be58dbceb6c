package org.embex.parquet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.embex.BadInputException;

/**
 * A Parquet file, or a folder of parts read as one ({@link ParquetParts}), seen through DuckDB's
 * embedded engine (decision record 0017): its columns with their types, and queries over it. Rows
 * are counted across the parts in their order. Each table has its own in-memory database, closed
 * with it. DuckDB is told never to fetch or load an extension, so reading never reaches the network.
 */
public final class ParquetTable implements AutoCloseable {

    /** A list, fixed-size or not, of FLOAT or DOUBLE, not nested. */
    private static final Pattern NUMBER_LIST = Pattern.compile("(FLOAT|DOUBLE|REAL)\\[\\d*]");

    private static final Pattern GLOB = Pattern.compile("[*?\\[]");

    private final Path file;
    private final List<Path> parts;
    /** Each part's first row, counted from 0 over the parts; one more entry: the rows of them all. */
    private final long[] starts;
    private final Connection connection;
    private final List<Column> columns;

    /** One column: its name and DuckDB's word for its type ({@code VARCHAR}, {@code FLOAT[]}, {@code DOUBLE[384]}, …). */
    public record Column(String name, String type) {

        /** A vector column: a list of FLOAT or DOUBLE, fixed-size or not, not nested; never text or metadata. */
        public boolean isNumberList() {
            return NUMBER_LIST.matcher(type).matches();
        }
    }

    private ParquetTable(Path file, List<Path> parts, long[] starts, Connection connection, List<Column> columns) {
        this.file = file;
        this.parts = parts;
        this.starts = starts;
        this.connection = connection;
        this.columns = columns;
    }

    /** A Parquet file, or a folder of Parquet parts. */
    public static ParquetTable open(Path file) {
        boolean folder = Files.isDirectory(file);
        if (!folder && !Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        List<Path> parts = folder ? ParquetParts.of(file) : List.of(file);
        for (Path part : parts) {
            if (GLOB.matcher(part.toAbsolutePath().toString()).find()) {
                // DuckDB reads a Parquet path as a pattern, with no way to escape one: such a name may mean other files too.
                throw new BadInputException(part + ": embex reads Parquet through DuckDB, which takes *, ? and [ in a path as a"
                        + " pattern that may match other files; rename the file or its folder without them");
            }
        }
        Connection connection = null;
        try {
            connection = connect();
            List<Column> columns = described(connection, parts.subList(0, 1));
            for (Path part : parts.subList(1, parts.size())) {
                List<Column> others = described(connection, List.of(part));
                if (!others.equals(columns)) {
                    // DuckDB reads the parts by the first one's columns and fails later with no word of where.
                    throw new BadInputException(part + ": its columns (" + describe(others) + ") are not those of "
                            + parts.get(0).getFileName() + " (" + describe(columns) + "); the parts of a folder are one table");
                }
            }
            return new ParquetTable(file, parts, starts(connection, parts), connection, columns);
        } catch (BadInputException e) {
            closeQuietly(connection, e);
            throw e;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new BadInputException(file + ": not " + (folder ? "a folder of Parquet parts" : "a Parquet file")
                    + " embex can read: " + firstLine(e), e);
        }
    }

    private static List<Column> described(Connection connection, List<Path> parts) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + source(parts))) {
            while (described.next()) {
                columns.add(new Column(described.getString("column_name"), described.getString("column_type")));
            }
        }
        return List.copyOf(columns);
    }

    private static String describe(List<Column> columns) {
        return String.join(", ", columns.stream().map(column -> column.name() + " " + column.type()).toList());
    }

    /** Each part's first row over them all, from the parts' footers. */
    private static long[] starts(Connection connection, List<Path> parts) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet footers = statement.executeQuery("SELECT file_name, sum(num_rows) FROM parquet_file_metadata("
                     + list(parts) + ") GROUP BY file_name")) {
            while (footers.next()) {
                rows.put(footers.getString(1), footers.getLong(2));
            }
        }
        long[] starts = new long[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) {
            Long count = rows.get(parts.get(i).toAbsolutePath().toString());
            if (count == null) {
                throw new SQLException(parts.get(i) + ": no row count in its footer");
            }
            starts[i + 1] = starts[i] + count;
        }
        return starts;
    }

    /** A connection to a fresh in-memory DuckDB that will not install or load extensions, streaming its results. */
    public static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        // Results are handed over chunk by chunk as they are read, not first built whole in native memory:
        // a million vectors' values would otherwise take 1.5 GB outside the heap, besides the array they go to.
        properties.setProperty("jdbc_stream_results", "true");
        return DriverManager.getConnection("jdbc:duckdb:", properties);
    }

    /** The SQL that names the parts as one table. */
    private static String source(List<Path> parts) {
        return "read_parquet(" + list(parts) + ")";
    }

    private static String list(List<Path> parts) {
        return "[" + String.join(", ", parts.stream().map(part -> literal(part.toAbsolutePath().toString())).toList()) + "]";
    }

    /** The SQL that names this file, or all its parts, as one table. */
    public String source() {
        return source(parts);
    }

    /**
     * The parts {@code from} to {@code to} (exclusive) as a table with DuckDB's {@code file_index}
     * (from 0 at part {@code from}) and {@code file_row_number} (from 0 in each part) columns.
     */
    String numberedSource(int from, int to) {
        return "read_parquet(" + list(parts.subList(from, to)) + ", file_row_number = true)";
    }

    /** The parts, in order: the file alone when it is not a folder. */
    List<Path> parts() {
        return parts;
    }

    /** The first row of part {@code part} over all the parts, from 0; {@code part = parts().size()}: the rows of all. */
    long start(int part) {
        return starts[part];
    }

    /** The number, from 1, of the first row over all the parts where {@code condition} holds, or 0 when none does. */
    long firstRowWhere(String condition) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("SELECT file_index, file_row_number FROM " + numberedSource(0, parts.size())
                     + " WHERE " + condition + " ORDER BY file_index, file_row_number LIMIT 1")) {
            return found.next() ? starts[found.getInt(1)] + found.getLong(2) + 1 : 0;
        }
    }

    /** Row {@code row} (from 1) as a message names it: with its part and its row there when the table is a folder. */
    public String describeRow(long row) {
        if (parts.size() == 1) {
            return "row " + row;
        }
        int part = 0;
        while (part + 1 < parts.size() && starts[part + 1] < row) {
            part++;
        }
        return "row " + row + " (" + parts.get(part).getFileName() + ", row " + (row - starts[part]) + ")";
    }

    /** {@code text} as a SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A column name as a SQL identifier. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** DuckDB's message without the lines of context it adds. */
    public static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    public Path file() {
        return file;
    }

    public List<Column> columns() {
        return columns;
    }

    public Connection connection() {
        return connection;
    }

    /** The rows in the file or its parts, read from their footers. */
    public long rowCount() {
        return starts[parts.size()];
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new BadInputException(file + ": cannot close: " + firstLine(e), e);
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
        }
    }
}
