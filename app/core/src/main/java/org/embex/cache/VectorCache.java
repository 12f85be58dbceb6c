package org.embex.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sqlite.SQLiteConfig;

import org.embex.embed.Embedding;
import org.embex.model.ContentHash;
import org.embex.model.FileHasher;
import org.embex.model.ModelFingerprint;
import org.embex.layout.Layout;

/**
 * The SQLite file where embex keeps every vector it has computed, keyed by the model's
 * fingerprint and a hash of the exact string embedded, so that nothing is embedded twice.
 *
 * <p>Crash safety comes from SQLite itself: WAL journal, one transaction per batch, so a kill at
 * any moment loses at most the batch in flight. Concurrent writers queue on the write lock
 * ({@code BEGIN IMMEDIATE} with a long busy timeout) and {@code INSERT OR IGNORE} makes a vector
 * two processes computed at once land once.
 */
public final class VectorCache implements AutoCloseable, FileHasher {

    private static final int SCHEMA_VERSION = 4;
    /**
     * Large pages keep a 1.5 KB vector row in its table page: with 4 KB pages and a WITHOUT ROWID
     * table every row spilled to an overflow page, 4.6 KB on disk per 384-dim vector.
     */
    private static final int PAGE_SIZE = 16_384;
    /** Reads go through memory-mapped pages rather than a read call per page. */
    private static final long MMAP_BYTES = 1L << 30;
    /** Text hashes are the first 16 bytes of SHA-256: collisions are out of reach, the key stays small. */
    static final int TEXT_HASH_BYTES = 16;
    private static final int LOOKUP_CHUNK = 900;
    private static final int BUSY_TIMEOUT_MS = 120_000;

    private final Path file;
    private final Connection connection;

    private VectorCache(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the cache at {@code file}, creating it and its folder if needed. */
    public static VectorCache open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new CacheException("cache " + file + ": cannot create its folder: " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setPageSize(PAGE_SIZE);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            VectorCache cache = new VectorCache(file, connection);
            cache.migrate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA mmap_size = " + MMAP_BYTES);
            }
            return cache;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw CacheException.of(file, "open", e);
        }
    }

    /** {@code $EMBEX_CACHE} when set, else {@link #defaultFile}: where every face of embex keeps its vectors. */
    public static Path configuredFile(Map<String, String> environment, Path home) {
        String configured = environment.get("EMBEX_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return defaultFile(environment, home);
    }

    /** {@code $XDG_CACHE_HOME/embex/vectors.sqlite}, else {@code ~/.cache/embex/vectors.sqlite}. */
    public static Path defaultFile(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("embex").resolve("vectors.sqlite");
    }

    public Path file() {
        return file;
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            version = result.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new SQLException("cache schema " + version + " is newer than this embex reads (" + SCHEMA_VERSION + ")");
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        transaction(() -> {
            try (Statement statement = connection.createStatement()) {
                if (version == 1) {
                    // The first layout stored vectors in a WITHOUT ROWID table; a cache can be refilled.
                    statement.executeUpdate("DROP TABLE vectors");
                }
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS models ("
                        + "model INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, model_id TEXT NOT NULL, "
                        + "dims INTEGER NOT NULL, created INTEGER NOT NULL)");
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS vectors ("
                        + "model INTEGER NOT NULL REFERENCES models(model), text_hash BLOB NOT NULL, "
                        + "tokens INTEGER NOT NULL, truncated INTEGER NOT NULL, unknown_share REAL NOT NULL, "
                        + "vector BLOB NOT NULL, UNIQUE (model, text_hash))");
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS files ("
                        + "path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, sha256 TEXT NOT NULL)");
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS corpora ("
                        + "path TEXT NOT NULL, columns TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
                        + "rows INTEGER NOT NULL, opened INTEGER NOT NULL, PRIMARY KEY (path, columns))");
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS layouts ("
                        + "key TEXT PRIMARY KEY, points INTEGER NOT NULL, x BLOB NOT NULL, y BLOB NOT NULL, "
                        + "created INTEGER NOT NULL)");
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS graphs ("
                        + "key TEXT PRIMARY KEY, points INTEGER NOT NULL, k INTEGER NOT NULL, neighbours BLOB NOT NULL, "
                        + "created INTEGER NOT NULL)");
                statement.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return null;
        });
    }

    /** The cache's key for a model, registering it on first use. */
    public synchronized int modelKey(ModelFingerprint fingerprint, String modelId, int dims) {
        try {
            return transaction(() -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT OR IGNORE INTO models (fingerprint, model_id, dims, created) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, fingerprint.hex());
                    insert.setString(2, modelId);
                    insert.setInt(3, dims);
                    insert.setLong(4, System.currentTimeMillis());
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement("SELECT model FROM models WHERE fingerprint = ?")) {
                    select.setString(1, fingerprint.hex());
                    try (ResultSet result = select.executeQuery()) {
                        result.next();
                        return result.getInt(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw CacheException.of(file, "register model " + modelId, e);
        }
    }

    /** The key under which a string's vector is stored. */
    public static byte[] textHash(String embeddedString) {
        byte[] full = ContentHash.ofText(embeddedString);
        byte[] key = new byte[TEXT_HASH_BYTES];
        System.arraycopy(full, 0, key, 0, TEXT_HASH_BYTES);
        return key;
    }

    /** The cached vectors among {@code hashes}, by hash; absent ones are simply missing. */
    public synchronized Map<ByteBuffer, Embedding> get(int model, Collection<byte[]> hashes) {
        Map<ByteBuffer, Embedding> found = new HashMap<>(hashes.size() * 2);
        List<byte[]> all = new ArrayList<>(hashes);
        // In key order each chunk walks one stretch of the index instead of jumping all over the file.
        all.sort(java.util.Arrays::compareUnsigned);
        try {
            for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                List<byte[]> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
                String marks = "?,".repeat(chunk.size() - 1) + "?";
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT text_hash, vector, tokens, truncated, unknown_share FROM vectors "
                                + "WHERE model = ? AND text_hash IN (" + marks + ")")) {
                    select.setInt(1, model);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setBytes(i + 2, chunk.get(i));
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            found.put(ByteBuffer.wrap(result.getBytes(1)), new Embedding(toFloats(result.getBytes(2)),
                                    result.getInt(3), result.getInt(4) != 0, result.getDouble(5)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw CacheException.of(file, "read vectors", e);
        }
        return found;
    }

    /** Stores a batch in one transaction: all of it lands, or none. */
    public synchronized void putAll(int model, List<CachedVector> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            transaction(() -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO vectors "
                        + "(model, text_hash, vector, tokens, truncated, unknown_share) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (CachedVector vector : batch) {
                        Embedding embedding = vector.embedding();
                        insert.setInt(1, model);
                        insert.setBytes(2, vector.textHash());
                        insert.setBytes(3, toBytes(embedding.vector()));
                        insert.setInt(4, embedding.tokens());
                        insert.setInt(5, embedding.truncated() ? 1 : 0);
                        insert.setDouble(6, embedding.unknownShare());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw CacheException.of(file, "store vectors", e);
        }
    }

    /** A file's SHA-256, read again only when its size or modification time changed. */
    @Override
    public synchronized String sha256(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        long size;
        long modified;
        try {
            size = Files.size(absolute);
            FileTime time = Files.getLastModifiedTime(absolute);
            modified = time.toMillis();
        } catch (IOException e) {
            return ContentHash.ofFile(absolute);
        }
        try {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sha256 FROM files WHERE path = ? AND size = ? AND modified = ?")) {
                select.setString(1, absolute.toString());
                select.setLong(2, size);
                select.setLong(3, modified);
                try (ResultSet result = select.executeQuery()) {
                    if (result.next()) {
                        return result.getString(1);
                    }
                }
            }
            String hash = ContentHash.ofFile(absolute);
            transaction(() -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT OR REPLACE INTO files (path, size, modified, sha256) VALUES (?, ?, ?, ?)")) {
                    upsert.setString(1, absolute.toString());
                    upsert.setLong(2, size);
                    upsert.setLong(3, modified);
                    upsert.setString(4, hash);
                    upsert.executeUpdate();
                }
                return null;
            });
            return hash;
        } catch (SQLException e) {
            throw CacheException.of(file, "remember the hash of " + absolute, e);
        }
    }

    /** Notes that a corpus was opened with a column choice, for the recent list and to find it again. */
    public synchronized void recordCorpus(Path corpus, String columns, long rows) {
        Path absolute = corpus.toAbsolutePath().normalize();
        String hash = sha256(absolute);
        try {
            long size = Files.isDirectory(absolute) ? 0 : Files.size(absolute);
            transaction(() -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT OR REPLACE INTO corpora (path, columns, size, sha256, rows, opened) VALUES (?, ?, ?, ?, ?, ?)")) {
                    upsert.setString(1, absolute.toString());
                    upsert.setString(2, columns);
                    upsert.setLong(3, size);
                    upsert.setString(4, hash);
                    upsert.setLong(5, rows);
                    upsert.setLong(6, System.currentTimeMillis());
                    upsert.executeUpdate();
                }
                return null;
            });
        } catch (IOException e) {
            throw new CacheException("cache: cannot read " + absolute + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw CacheException.of(file, "remember corpus " + absolute, e);
        }
    }

    /** The corpus this file was last opened as, if its content has not changed since. */
    public synchronized Optional<CorpusRecord> corpus(Path corpus, String columns) {
        Path absolute = corpus.toAbsolutePath().normalize();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT size, sha256, rows, opened FROM corpora WHERE path = ? AND columns = ?")) {
            select.setString(1, absolute.toString());
            select.setString(2, columns);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next() || !result.getString(2).equals(sha256(absolute))) {
                    return Optional.empty();
                }
                return Optional.of(new CorpusRecord(absolute, columns, result.getLong(1), result.getString(2),
                        result.getLong(3), result.getLong(4)));
            }
        } catch (SQLException e) {
            throw CacheException.of(file, "look up corpus " + absolute, e);
        }
    }

    /** A map computed before for exactly this corpus, model, method and parameters. */
    public synchronized Optional<Layout> layout(LayoutKey key) {
        try (PreparedStatement select = connection.prepareStatement("SELECT x, y FROM layouts WHERE key = ?")) {
            select.setString(1, key.text());
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(new Layout(toFloats(result.getBytes(1)), toFloats(result.getBytes(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw CacheException.of(file, "read a layout", e);
        }
    }

    public synchronized void storeLayout(LayoutKey key, Layout layout) {
        try {
            transaction(() -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT OR REPLACE INTO layouts (key, points, x, y, created) VALUES (?, ?, ?, ?, ?)")) {
                    upsert.setString(1, key.text());
                    upsert.setInt(2, layout.points());
                    upsert.setBytes(3, toBytes(layout.x()));
                    upsert.setBytes(4, toBytes(layout.y()));
                    upsert.setLong(5, System.currentTimeMillis());
                    upsert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw CacheException.of(file, "store a layout", e);
        }
    }

    /**
     * A neighbour graph built before for exactly this corpus, model, metric, k and seed: row i's
     * neighbours are {@code [i]}. A million rows of 14 take 56 MB, read back in about a second,
     * where building them takes minutes.
     */
    public synchronized Optional<int[][]> graph(GraphKey key) {
        try (PreparedStatement select = connection.prepareStatement("SELECT points, k, neighbours FROM graphs WHERE key = ?")) {
            select.setString(1, key.text());
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                int points = result.getInt(1);
                int k = result.getInt(2);
                java.nio.IntBuffer values = ByteBuffer.wrap(result.getBytes(3)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                int[][] neighbours = new int[points][k];
                for (int[] row : neighbours) {
                    values.get(row);
                }
                return Optional.of(neighbours);
            }
        } catch (SQLException e) {
            throw CacheException.of(file, "read a neighbour graph", e);
        }
    }

    public synchronized void storeGraph(GraphKey key, int[][] neighbours) {
        int k = neighbours.length == 0 ? 0 : neighbours[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(neighbours.length, k) * Integer.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int[] row : neighbours) {
            if (row.length != k) {
                throw new IllegalArgumentException("every row of a graph keeps " + k + " neighbours");
            }
            for (int value : row) {
                buffer.putInt(value);
            }
        }
        try {
            transaction(() -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT OR REPLACE INTO graphs (key, points, k, neighbours, created) VALUES (?, ?, ?, ?, ?)")) {
                    upsert.setString(1, key.text());
                    upsert.setInt(2, neighbours.length);
                    upsert.setInt(3, k);
                    upsert.setBytes(4, buffer.array());
                    upsert.setLong(5, System.currentTimeMillis());
                    upsert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw CacheException.of(file, "store a neighbour graph", e);
        }
    }

    public synchronized CacheStats stats() {
        try (Statement statement = connection.createStatement()) {
            List<CacheStats.ModelVectors> models = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT m.model_id, m.fingerprint, m.dims, "
                    + "(SELECT COUNT(*) FROM vectors v WHERE v.model = m.model) FROM models m ORDER BY m.model_id")) {
                while (result.next()) {
                    models.add(new CacheStats.ModelVectors(result.getString(1), result.getString(2), result.getInt(3),
                            result.getLong(4)));
                }
            }
            long corpora;
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM corpora")) {
                corpora = result.getLong(1);
            }
            return new CacheStats(file, fileSize(), models, corpora);
        } catch (SQLException e) {
            throw CacheException.of(file, "read statistics", e);
        }
    }

    /**
     * Deletes the vectors of every model whose fingerprint is not in {@code keep} (models changed
     * or removed since), and what it knows of files that are gone. Returns the vectors deleted.
     */
    public synchronized long prune(Collection<ModelFingerprint> keep) {
        try {
            return transaction(() -> {
                List<Integer> stale = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT model, fingerprint FROM models")) {
                    while (result.next()) {
                        String fingerprint = result.getString(2);
                        if (keep.stream().noneMatch(k -> k.hex().equals(fingerprint))) {
                            stale.add(result.getInt(1));
                        }
                    }
                }
                long deleted = 0;
                for (int model : stale) {
                    try (PreparedStatement vectors = connection.prepareStatement("DELETE FROM vectors WHERE model = ?");
                         PreparedStatement models = connection.prepareStatement("DELETE FROM models WHERE model = ?")) {
                        vectors.setInt(1, model);
                        deleted += vectors.executeUpdate();
                        models.setInt(1, model);
                        models.executeUpdate();
                    }
                }
                forgetMissingFiles("files");
                forgetMissingFiles("corpora");
                return deleted;
            });
        } catch (SQLException e) {
            throw CacheException.of(file, "prune", e);
        }
    }

    private void forgetMissingFiles(String table) throws SQLException {
        List<String> gone = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT DISTINCT path FROM " + table)) {
            while (result.next()) {
                if (!Files.exists(Path.of(result.getString(1)))) {
                    gone.add(result.getString(1));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE path = ?")) {
            for (String path : gone) {
                delete.setString(1, path);
                delete.executeUpdate();
            }
        }
    }

    /** Gives the space of deleted rows back to the disk. */
    public synchronized void vacuum() {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("VACUUM");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw CacheException.of(file, "vacuum", e);
        }
    }

    /** SQLite's own check of the file, "ok" when sound. */
    public synchronized String integrityCheck() {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            return result.getString(1);
        } catch (SQLException e) {
            throw CacheException.of(file, "check integrity", e);
        }
    }

    private long fileSize() {
        long total = 0;
        for (String suffix : new String[] {"", "-wal"}) {
            Path part = Path.of(file.toAbsolutePath() + suffix);
            try {
                total += Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                // A WAL file may vanish at a checkpoint; the size is informative only.
            }
        }
        return total;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T transaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] toFloats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Everything was committed or rolled back before; closing frees handles only.
        }
    }
}
