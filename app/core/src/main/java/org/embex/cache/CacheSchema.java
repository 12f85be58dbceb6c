package org.embex.cache;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of an embex cache, how a file is recognised as one, and how an older one is brought
 * up to date. embex writes only to files it recognises (docs/decisions/0012): one carrying its
 * {@link #APPLICATION_ID}, an empty one, or one made before the mark existed whose tables are
 * exactly those of an embex schema version. Anything else belongs to someone else.
 */
final class CacheSchema {

    /**
     * SQLite's {@code PRAGMA application_id} of an embex cache: "EMBX" in ASCII, so that
     * {@code xxd -s 68 -l 4} and file(1)-style tools show it as text. Any value other than 0 tells
     * embex's files from other programs' (SQLite's magic.txt lists the ids others use; this one is
     * not among them).
     */
    static final int APPLICATION_ID = 0x454D4258;

    /** 1 first layout; 2 rowid vectors table (decision 0005); 3 layouts; 4 neighbour graphs. */
    static final int VERSION = 4;

    private static final String MODELS = "CREATE TABLE IF NOT EXISTS models ("
            + "model INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, model_id TEXT NOT NULL, "
            + "dims INTEGER NOT NULL, created INTEGER NOT NULL)";
    /** Schema 1's vectors, a WITHOUT ROWID table: only to recognise such a cache, whose vectors are dropped. */
    private static final String FIRST_VECTORS = "CREATE TABLE IF NOT EXISTS vectors ("
            + "model INTEGER NOT NULL REFERENCES models(model), text_hash BLOB NOT NULL, "
            + "vector BLOB NOT NULL, tokens INTEGER NOT NULL, truncated INTEGER NOT NULL, "
            + "unknown_share REAL NOT NULL, PRIMARY KEY (model, text_hash)) WITHOUT ROWID";
    private static final String VECTORS = "CREATE TABLE IF NOT EXISTS vectors ("
            + "model INTEGER NOT NULL REFERENCES models(model), text_hash BLOB NOT NULL, "
            + "tokens INTEGER NOT NULL, truncated INTEGER NOT NULL, unknown_share REAL NOT NULL, "
            + "vector BLOB NOT NULL, UNIQUE (model, text_hash))";
    private static final String FILES = "CREATE TABLE IF NOT EXISTS files ("
            + "path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, sha256 TEXT NOT NULL)";
    private static final String CORPORA = "CREATE TABLE IF NOT EXISTS corpora ("
            + "path TEXT NOT NULL, columns TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
            + "rows INTEGER NOT NULL, opened INTEGER NOT NULL, PRIMARY KEY (path, columns))";
    private static final String LAYOUTS = "CREATE TABLE IF NOT EXISTS layouts ("
            + "key TEXT PRIMARY KEY, points INTEGER NOT NULL, x BLOB NOT NULL, y BLOB NOT NULL, "
            + "created INTEGER NOT NULL)";
    private static final String GRAPHS = "CREATE TABLE IF NOT EXISTS graphs ("
            + "key TEXT PRIMARY KEY, points INTEGER NOT NULL, k INTEGER NOT NULL, neighbours BLOB NOT NULL, "
            + "created INTEGER NOT NULL)";

    /** The tables of the current schema, in the order {@code cache check} reports them. */
    static final List<String> TABLES = List.of("models", "vectors", "corpora", "files", "layouts", "graphs");

    /** sqlite_master as each schema version leaves it, worked out once by SQLite itself. */
    private static final Map<Integer, List<String>> MASTER = new ConcurrentHashMap<>();

    private CacheSchema() {
    }

    /** Whose a database is, as far as embex cares. */
    enum Owner {
        /** No tables, no mark: a new file, or an empty one. */
        NOBODY,
        /** Carries embex's mark. */
        EMBEX,
        /** Made by an embex before the mark: embex's exact tables and schema version, application id 0. */
        EMBEX_UNMARKED,
        SOMEONE_ELSE
    }

    record Identity(Owner owner, int version) {
    }

    /** Reads the mark, the schema version and the table list; writes nothing. */
    static Identity identify(Connection connection) throws SQLException {
        int applicationId = pragma(connection, "application_id");
        int version = pragma(connection, "user_version");
        if (applicationId == APPLICATION_ID) {
            return new Identity(Owner.EMBEX, version);
        }
        if (applicationId != 0) {
            return new Identity(Owner.SOMEONE_ELSE, version);
        }
        List<String> master = master(connection);
        if (master.isEmpty() && version == 0) {
            return new Identity(Owner.NOBODY, 0);
        }
        if (version >= 1 && version <= VERSION && master.equals(expectedMaster(version))) {
            return new Identity(Owner.EMBEX_UNMARKED, version);
        }
        return new Identity(Owner.SOMEONE_ELSE, version);
    }

    /** Throws unless embex may write to a file of this identity: someone else's, or a newer embex's, it may not. */
    static void requireWritable(Identity identity, Path file) {
        if (identity.owner() == Owner.SOMEONE_ELSE) {
            throw CachePath.notACache(file, "it is another program's SQLite database");
        }
        if (identity.version() > VERSION) {
            throw new CacheException("cache " + file + " was written by a newer embex (schema " + identity.version()
                    + "; this one reads up to " + VERSION + "): use that embex, or another cache with --cache");
        }
    }

    /** True when the file is a marked cache of this version: nothing to write before using it. */
    static boolean upToDate(Identity identity) {
        return identity.owner() == Owner.EMBEX && identity.version() == VERSION;
    }

    /**
     * Creates the tables of a new cache, or brings an embex cache of an older version up to this one,
     * and marks it; run inside the write transaction that identified the file, so two processes
     * opening one new file do this once.
     */
    static void bringUpToDate(Connection connection, Identity identity, Path file) throws SQLException {
        requireWritable(identity, file);
        if (upToDate(identity)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (identity.version() == 1) {
                // The first layout stored vectors in a WITHOUT ROWID table (decision 0005); a cache can be refilled.
                statement.executeUpdate("DROP TABLE vectors");
            }
            for (String table : tables(VERSION)) {
                statement.executeUpdate(table);
            }
            statement.executeUpdate("PRAGMA user_version = " + VERSION);
            statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
        }
    }

    /** The CREATE statements of a schema version: each version added a table, or (2) replaced one. */
    private static List<String> tables(int version) {
        List<String> tables = new ArrayList<>(List.of(MODELS, version == 1 ? FIRST_VECTORS : VECTORS, FILES, CORPORA));
        if (version >= 3) {
            tables.add(LAYOUTS);
        }
        if (version >= 4) {
            tables.add(GRAPHS);
        }
        return tables;
    }

    /** What an in-memory database shows after the statements of {@code version}, SQLite's own normalised text. */
    private static List<String> expectedMaster(int version) throws SQLException {
        List<String> known = MASTER.get(version);
        if (known != null) {
            return known;
        }
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = memory.createStatement()) {
            for (String table : tables(version)) {
                statement.executeUpdate(table);
            }
            List<String> master = master(memory);
            MASTER.put(version, master);
            return master;
        }
    }

    /** Every schema object as "type|name|table|sql", sorted; root pages differ from file to file and are left out. */
    private static List<String> master(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|" + result.getString(4));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.getInt(1);
        }
    }

    /**
     * The rows SQLite counts in {@code table}, or nothing when damage keeps it from counting: for
     * {@code cache check} and for recovery, which must report a damaged cache rather than fail on it.
     */
    static OptionalLong rows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return OptionalLong.of(result.getLong(1));
        } catch (SQLException e) {
            if (CacheException.isDamage(e)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }
}
