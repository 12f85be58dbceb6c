package org.embex.cache;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's own check of a database file: the problems it lists, none when the file is sound.
 *
 * @param problems one line each, as SQLite words them (for {@code cache check}'s report, never an error line)
 */
record Integrity(List<String> problems) {

    Integrity {
        problems = List.copyOf(problems);
    }

    boolean sound() {
        return problems.isEmpty();
    }

    /**
     * {@code PRAGMA quick_check}: reads every page and checks each b-tree, but not that indexes
     * match their tables. The cost is one read of the file (docs/decisions/0012 has the figure).
     */
    static Integrity quick(Connection connection) {
        return run(connection, "PRAGMA quick_check");
    }

    /** {@code PRAGMA integrity_check}: quick_check, and every index against its table. */
    static Integrity full(Connection connection) {
        return run(connection, "PRAGMA integrity_check");
    }

    /** A check that cannot even run (the first page or the table list is damaged) reports that as its problem. */
    private static Integrity run(Connection connection, String pragma) {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(pragma)) {
            while (result.next()) {
                // SQLite may put several findings in one row, under a "*** in database main ***" heading.
                for (String line : result.getString(1).split("\n")) {
                    if (!line.isBlank() && !line.equals("ok") && !line.startsWith("*** in database")) {
                        problems.add(line.strip());
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("the check itself could not read the file: " + e.getMessage());
        }
        return new Integrity(problems);
    }
}
