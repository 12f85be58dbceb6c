package org.embex.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code cache check} found: SQLite's full integrity check and the rows of each table.
 *
 * @param problems SQLite's findings, one a line, in its words; empty when the file is sound
 * @param tables   every table of the cache, with its rows, or none where damage keeps SQLite from counting them
 */
public record CacheCheck(Path file, List<String> problems, List<TableRows> tables) {

    public CacheCheck {
        problems = List.copyOf(problems);
        tables = List.copyOf(tables);
    }

    public boolean sound() {
        return problems.isEmpty();
    }

    /** The error a damaged cache gives, with the way to recover: for a face that shows the report first. */
    public CacheException damage() {
        return CacheException.damaged(file, problems.size());
    }

    public record TableRows(String table, OptionalLong rows) {
    }
}
