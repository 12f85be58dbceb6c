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
import java.util.OptionalLong;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import org.embex.embed.Embedding;
import org.embex.layout.Layout;
import org.embex.model.ContentHash;
import org.embex.model.FileHasher;
import org.embex.model.ModelFingerprint;

/**
 * The SQLite file where embex keeps every vector it has computed, keyed by the model's
 * fingerprint and a hash of the exact string embedded, so that nothing is embedded twice.
 *
 * <p>Crash safety comes from SQLite itself: WAL journal, one transaction per batch, so a kill at
 * any moment loses at most the batch in flight. Concurrent writers queue on the write lock
 * ({@code BEGIN IMMEDIATE} with a long busy timeout) and {@code INSERT OR IGNORE} makes a vector
 * two processes computed at once land once.
 *
 * <p>embex writes only to a file it recognises as its own cache ({@link CacheSchema}), never
 * beside a path that is not a regular file ({@link CachePath}), and never into a damaged one: the
 * first write of an open cache waits for SQLite's quick check (docs/decisions/0012).
 */
public final class VectorCache implements AutoCloseable, FileHasher {

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
    /** Whether SQLite's quick check passed on this open cache; set before its first write. */
    private boolean sound;

    private VectorCache(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the cache at {@code file}, creating it and its folder if needed. Bad input when the
     * path is a folder or a device, or holds a file that is not an embex cache.
     */
    public static VectorCache open(Path file) {
        return open(file, true);
    }

    /**
     * Opens the cache at {@code file}, which must be there: looking after a cache (stats, check,
     * prune, vacuum) never creates one. Bad input when there is none.
     */
    public static VectorCache openExisting(Path file) {
        return open(file, false);
    }

    private static VectorCache open(Path file, boolean create) {
        CachePath.requireUsable(file, create);
        refuseThroughItsWal(file);
        SQLiteConfig config = new SQLiteConfig();
        // No journal mode or page size here: setting them writes to the file, which is not known to be a cache yet.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw CacheException.of(file, "open", e);
        }
        VectorCache cache = new VectorCache(file, connection);
        try {
            cache.prepare();
            return cache;
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    /**
     * Refuses a file that is not embex's, looking through a read-only connection, when a WAL lies
     * beside it. The last read-write connection to close checkpoints the WAL into the database:
     * another program's file left with frames in its WAL (the program died) would be written to
     * just by being looked at. A read-only connection never checkpoints. Without a WAL beside the
     * file, the read-write connection that {@link #prepare} identifies it through writes nothing.
     */
    private static void refuseThroughItsWal(Path file) {
        if (!Files.exists(Path.of(file.toAbsolutePath() + "-wal"))) {
            return;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection look = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            CacheSchema.requireWritable(CacheSchema.identify(look), file);
        } catch (SQLException e) {
            throw CacheException.of(file, "open", e);
        }
    }

    /** Recognises the file, then creates, migrates or marks it when it is a new or older embex cache. */
    private void prepare() {
        try {
            CacheSchema.Identity identity = CacheSchema.identify(connection);
            CacheSchema.requireWritable(identity, file);
            if (identity.owner() == CacheSchema.Owner.NOBODY) {
                execute("PRAGMA page_size = " + PAGE_SIZE);
            }
            execute("PRAGMA journal_mode = WAL");
            if (!CacheSchema.upToDate(identity)) {
                transaction(() -> {
                    CacheSchema.bringUpToDate(connection, CacheSchema.identify(connection), file);
                    return null;
                });
            }
            execute("PRAGMA mmap_size = " + MMAP_BYTES);
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    /** Runs one statement and lets go of it: a pragma's result left open would keep the schema locked. */
    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
            throw failure("register model " + modelId, e);
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
            throw failure("read vectors", e);
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
            throw failure("store vectors", e);
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
            throw failure("remember the hash of " + absolute, e);
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
            throw failure("remember corpus " + absolute, e);
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
            throw failure("look up corpus " + absolute, e);
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
            throw failure("read a layout", e);
        }
    }

    public synchronized void storeLayout(LayoutKey key, Layout layout) {
        storeLayout(key.text(), layout);
    }

    /** Stores a layout under a key's text: {@link CacheRecovery} copies keys as they are. */
    synchronized void storeLayout(String key, Layout layout) {
        try {
            transaction(() -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT OR REPLACE INTO layouts (key, points, x, y, created) VALUES (?, ?, ?, ?, ?)")) {
                    upsert.setString(1, key);
                    upsert.setInt(2, layout.points());
                    upsert.setBytes(3, toBytes(layout.x()));
                    upsert.setBytes(4, toBytes(layout.y()));
                    upsert.setLong(5, System.currentTimeMillis());
                    upsert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("store a layout", e);
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
                return Optional.of(toGraph(result.getInt(1), result.getInt(2), result.getBytes(3)));
            }
        } catch (SQLException e) {
            throw failure("read a neighbour graph", e);
        }
    }

    public synchronized void storeGraph(GraphKey key, int[][] neighbours) {
        storeGraph(key.text(), neighbours);
    }

    /** Stores a graph under a key's text: {@link CacheRecovery} copies keys as they are. */
    synchronized void storeGraph(String key, int[][] neighbours) {
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
                    upsert.setString(1, key);
                    upsert.setInt(2, neighbours.length);
                    upsert.setInt(3, k);
                    upsert.setBytes(4, buffer.array());
                    upsert.setLong(5, System.currentTimeMillis());
                    upsert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("store a neighbour graph", e);
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
            throw failure("read statistics", e);
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
            throw failure("prune", e);
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
        requireSound();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("VACUUM");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw failure("vacuum", e);
        }
    }

    /**
     * Throws the damaged-cache error, which names the way to recover, unless SQLite's quick check
     * passes; checks once per open cache. Every write waits for it: SQLite writes into a damaged
     * b-tree as readily as into a sound one and can spread the damage, and a run that fails on the
     * damaged page has already written elsewhere. Once per open cache and not on every open: the
     * check reads the whole file, 65 ms for 100,000 384-dim vectors in the page cache and 0.3 s from
     * disk (docs/decisions/0012). Every command that embeds writes (it registers its model), so it pays
     * this once per run; the window pays it once per session.
     */
    public synchronized void requireSound() {
        if (sound) {
            return;
        }
        Integrity integrity = Integrity.quick(connection);
        if (!integrity.sound()) {
            throw CacheException.damaged(file, integrity.problems().size());
        }
        sound = true;
    }

    /** SQLite's full integrity check (indexes against their tables too) and the rows each table holds. */
    public synchronized CacheCheck check() {
        Integrity integrity = Integrity.full(connection);
        List<CacheCheck.TableRows> tables = new ArrayList<>();
        for (String table : CacheSchema.TABLES) {
            tables.add(new CacheCheck.TableRows(table, count(table)));
        }
        return new CacheCheck(file, integrity.problems(), tables);
    }

    /** The rows SQLite counts in {@code table}, or nothing when damage keeps it from counting. */
    private OptionalLong count(String table) {
        try {
            return CacheSchema.rows(connection, table);
        } catch (SQLException e) {
            throw failure("count the rows of " + table, e);
        }
    }

    /**
     * The error for a failed statement. Damage reported by SQLite (a corrupt page, a page that is
     * not a database page) is looked at with the quick check, so the message says how much is
     * damaged and how to recover, never SQLite's own words.
     */
    private CacheException failure(String doing, SQLException e) {
        if (CacheException.isDamage(e)) {
            return CacheException.damaged(file, Integrity.quick(connection).problems().size(), e);
        }
        return CacheException.of(file, doing, e);
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

    /** Runs {@code work} as one write transaction, once the file has passed {@link #requireSound()}. */
    private <T> T transaction(Work<T> work) throws SQLException {
        requireSound();
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

    /** Row i of a stored graph is {@code [i]}: {@code points} rows of {@code k} little-endian ints. */
    static int[][] toGraph(int points, int k, byte[] bytes) {
        java.nio.IntBuffer values = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[][] neighbours = new int[points][k];
        for (int[] row : neighbours) {
            values.get(row);
        }
        return neighbours;
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
