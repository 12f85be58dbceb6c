package org.embex.parquet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.embex.BadInputException;

/**
 * A Parquet file seen through DuckDB's embedded engine (decision record 0017): its columns with
 * their types, and queries over it. Each table has its own in-memory database, closed with it.
 * DuckDB is told never to fetch or load an extension, so reading a file never reaches the network.
 */
public final class ParquetTable implements AutoCloseable {

    /** A list, fixed-size or not, of FLOAT or DOUBLE, not nested. */
    private static final Pattern NUMBER_LIST = Pattern.compile("(FLOAT|DOUBLE|REAL)\\[\\d*]");

    private static final Pattern GLOB = Pattern.compile("[*?\\[]");

    private final Path file;
    private final Connection connection;
    private final List<Column> columns;

    /** One column: its name and DuckDB's word for its type ({@code VARCHAR}, {@code FLOAT[]}, {@code DOUBLE[384]}, …). */
    public record Column(String name, String type) {

        /** A vector column: a list of FLOAT or DOUBLE, fixed-size or not, not nested; never text or metadata. */
        public boolean isNumberList() {
            return NUMBER_LIST.matcher(type).matches();
        }
    }

    private ParquetTable(Path file, Connection connection, List<Column> columns) {
        this.file = file;
        this.connection = connection;
        this.columns = columns;
    }

    public static ParquetTable open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        if (GLOB.matcher(file.toAbsolutePath().toString()).find()) {
            // DuckDB reads a Parquet path as a pattern, with no way to escape one: such a name may mean other files too.
            throw new BadInputException(file + ": embex reads Parquet through DuckDB, which takes *, ? and [ in a path as a"
                    + " pattern that may match other files; rename the file or its folder without them");
        }
        Connection connection = null;
        try {
            connection = connect();
            List<Column> columns = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + source(file))) {
                while (described.next()) {
                    columns.add(new Column(described.getString("column_name"), described.getString("column_type")));
                }
            }
            return new ParquetTable(file, connection, List.copyOf(columns));
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new BadInputException(file + ": not a Parquet file embex can read: " + firstLine(e), e);
        }
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

    /** The SQL that names {@code file} as a table. */
    public static String source(Path file) {
        return "read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
    }

    /** {@code file} as a table with DuckDB's {@code file_row_number} column, rows counted from 0 in file order. */
    public static String numberedSource(Path file) {
        return "read_parquet(" + literal(file.toAbsolutePath().toString()) + ", file_row_number = true)";
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

    /** The rows in the file, read from its footer. */
    public long rowCount() {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + source(file))) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new BadInputException(file + ": cannot read: " + firstLine(e), e);
        }
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
