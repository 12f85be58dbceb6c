package org.embex.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.sqlite.SQLiteConfig;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.layout.Layout;
import org.embex.model.ModelFingerprint;

/**
 * Copies what SQLite can still read from a damaged cache into a new cache file
 * ({@code cache recover}, docs/decisions/0012). The damaged file is only read (a read-only connection):
 * if anything goes wrong, it is as it was, and the half-made copy is deleted. What costs compute is
 * copied, through the same methods every run writes with: models, vectors, layouts and neighbour
 * graphs. The list of corpora opened and the remembered file hashes are not: they are filled again
 * as files are opened.
 *
 * <p>Rows are read in rowid order. Where a scan meets a damaged page it goes on past it (see
 * {@link #scan}), so only the rows on damaged pages are lost, and each row is checked before it is
 * copied (a vector as long as its model's dims, finite numbers, a 16-byte hash): a page garbled
 * without SQLite noticing gives rows that fail these checks and are left out.
 */
public final class CacheRecovery {

    private static final int BATCH = 256;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private final Connection source;
    private final VectorCache copy;
    /** The new cache's key and the dims of each model the damaged cache's rows refer to, by its old key. */
    private final Map<Integer, Model> models = new HashMap<>();

    private record Model(int key, int dims) {
    }

    private CacheRecovery(Connection source, VectorCache copy) {
        this.source = source;
        this.copy = copy;
    }

    /** Where {@code cache recover} suggests putting the good rows of {@code file}: beside it, "-recovered" added. */
    static Path suggestedTarget(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".sqlite") ? name.substring(0, name.length() - ".sqlite".length()) : name;
        return file.resolveSibling(stem + "-recovered.sqlite");
    }

    /**
     * Copies the good rows of the cache at {@code damaged} into a new cache at {@code target}, which
     * must not exist: recovery never writes over a file.
     */
    public static Recovery recover(Path damaged, Path target) {
        CachePath.requireUsable(damaged, false);
        if (Files.exists(target)) {
            throw new BadInputException(target + " is there already; cache recover writes a new cache: name a file that "
                    + "is not there with --to");
        }
        try (Connection source = reading(damaged)) {
            CacheSchema.Identity identity = identity(source, damaged);
            try (VectorCache copy = VectorCache.open(target)) {
                return new CacheRecovery(source, copy).copyAll(damaged, target, identity.version());
            } catch (RuntimeException | SQLException e) {
                deleteCopy(target);
                throw e;
            }
        } catch (SQLException e) {
            throw CacheException.of(damaged, "read it", e);
        }
    }

    /**
     * A read-only connection: the damaged file stays exactly as it was. Read-only rather than
     * {@code query_only}: a read-write connection, the last to close, would checkpoint the WAL into
     * the damaged file.
     */
    private static Connection reading(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static CacheSchema.Identity identity(Connection source, Path file) {
        CacheSchema.Identity identity;
        try {
            identity = CacheSchema.identify(source);
        } catch (SQLException e) {
            if (CacheException.isDamage(e)) {
                throw new CacheException("cache " + file + " cannot be recovered: the page that lists its tables is damaged, "
                        + "so nothing in it can be found; move it away, embex starts a new cache", e);
            }
            throw CacheException.of(file, "read it", e);
        }
        CacheSchema.requireWritable(identity, file);
        if (identity.owner() == CacheSchema.Owner.NOBODY) {
            throw new BadInputException("there is no cache in " + file + " (the file is empty)");
        }
        return identity;
    }

    private Recovery copyAll(Path damaged, Path target, int version) throws SQLException {
        long modelCount = scan("models", "model, fingerprint, model_id, dims", this::model);
        // Schema 1 kept vectors in a WITHOUT ROWID table, which opening such a cache drops anyway.
        long vectors = version >= 2 ? copyVectors() : 0;
        OptionalLong listed = version >= 2 ? count("vectors") : OptionalLong.empty();
        long layouts = version >= 3 ? scan("layouts", "key, points, x, y", this::layout) : 0;
        long graphs = version >= 4 ? scan("graphs", "key, points, k, neighbours", this::graph) : 0;
        return new Recovery(damaged, target, modelCount, vectors, listed, layouts, graphs);
    }

    private boolean model(ResultSet row) throws SQLException {
        String fingerprint = row.getString(3);
        String modelId = row.getString(4);
        int dims = row.getInt(5);
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches() || modelId == null || modelId.isBlank()
                || dims < 1 || dims > 1 << 16) {
            return false;
        }
        models.put(row.getInt(2), new Model(copy.modelKey(new ModelFingerprint(fingerprint), modelId, dims), dims));
        return true;
    }

    private long copyVectors() throws SQLException {
        Map<Integer, List<CachedVector>> pending = new HashMap<>();
        long copied = scan("vectors", "model, text_hash, vector, tokens, truncated, unknown_share", row -> {
            Model model = models.get(row.getInt(2));
            CachedVector vector = model == null ? null : vector(row, model.dims());
            if (vector == null) {
                return false;
            }
            List<CachedVector> batch = pending.computeIfAbsent(model.key(), key -> new ArrayList<>(BATCH));
            batch.add(vector);
            if (batch.size() == BATCH) {
                copy.putAll(model.key(), batch);
                batch.clear();
            }
            return true;
        });
        pending.forEach(copy::putAll);
        return copied;
    }

    /** The row as a cached vector, or null when it cannot be one of a model of {@code dims}. */
    private static CachedVector vector(ResultSet row, int dims) throws SQLException {
        byte[] hash = row.getBytes(3);
        byte[] bytes = row.getBytes(4);
        int tokens = row.getInt(5);
        int truncated = row.getInt(6);
        double unknownShare = row.getDouble(7);
        if (hash == null || hash.length != VectorCache.TEXT_HASH_BYTES || bytes == null || bytes.length != dims * Float.BYTES
                || tokens < 0 || (truncated != 0 && truncated != 1) || !(unknownShare >= 0 && unknownShare <= 1)) {
            return null;
        }
        float[] vector = VectorCache.toFloats(bytes);
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                return null;
            }
        }
        return new CachedVector(hash, new Embedding(vector, tokens, truncated == 1, unknownShare));
    }

    private boolean layout(ResultSet row) throws SQLException {
        String key = row.getString(2);
        long points = row.getLong(3);
        byte[] x = row.getBytes(4);
        byte[] y = row.getBytes(5);
        if (key == null || points < 0 || x == null || y == null || x.length != points * Float.BYTES
                || y.length != points * Float.BYTES) {
            return false;
        }
        copy.storeLayout(key, new Layout(VectorCache.toFloats(x), VectorCache.toFloats(y)));
        return true;
    }

    private boolean graph(ResultSet row) throws SQLException {
        String key = row.getString(2);
        long points = row.getLong(3);
        long k = row.getLong(4);
        byte[] neighbours = row.getBytes(5);
        if (key == null || points < 0 || k < 0 || neighbours == null || neighbours.length != points * k * Integer.BYTES) {
            return false;
        }
        copy.storeGraph(key, VectorCache.toGraph((int) points, (int) k, neighbours));
        return true;
    }

    /** Takes one row (rowid first, then the columns asked for); says whether it was sound and copied. */
    private interface Rows {
        boolean take(ResultSet row) throws SQLException;
    }

    /**
     * Hands {@code rows} every row of {@code table} SQLite can still read, in rowid order, and
     * returns how many it took. A scan that meets damage starts again past it: from the rowid after
     * the last one taken, seeks go ever farther (1, 2, 4, ... rowids on) until one succeeds, then
     * halve back to the first rowid a seek reaches, so what is skipped is the damaged pages' rows.
     * Every pass starts farther on than the one before, so the scan ends. embex's rowids start at 1.
     */
    private long scan(String table, String columns, Rows rows) throws SQLException {
        long taken = 0;
        long highest = 0;
        long from = 0;
        while (true) {
            try (PreparedStatement select = source.prepareStatement(
                    "SELECT rowid, " + columns + " FROM " + table + " WHERE rowid > ? ORDER BY rowid")) {
                select.setLong(1, from);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        long rowid = result.getLong(1);
                        if (rows.take(result)) {
                            taken++;
                            highest = Math.max(highest, rowid);
                        }
                    }
                }
                return taken;
            } catch (SQLException e) {
                if (!CacheException.isDamage(e)) {
                    throw e;
                }
                OptionalLong next = firstReachable(table, Math.max(highest, from + 1));
                if (next.isEmpty()) {
                    return taken;
                }
                from = next.getAsLong() - 1;
            }
        }
    }

    /** The first rowid after {@code unreachable} from which a seek succeeds; none when every seek beyond fails. */
    private OptionalLong firstReachable(String table, long unreachable) throws SQLException {
        long bad = unreachable;
        long good;
        for (long step = 1; ; step = step > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : step * 2) {
            long probe = unreachable > Long.MAX_VALUE - step ? Long.MAX_VALUE : unreachable + step;
            if (reachable(table, probe)) {
                good = probe;
                break;
            }
            if (probe == Long.MAX_VALUE) {
                return OptionalLong.empty();
            }
            bad = probe;
        }
        while (good - bad > 1) {
            long middle = bad + (good - bad) / 2;
            if (reachable(table, middle)) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        return OptionalLong.of(good);
    }

    private boolean reachable(String table, long rowid) throws SQLException {
        try (PreparedStatement seek = source.prepareStatement(
                "SELECT rowid FROM " + table + " WHERE rowid >= ? ORDER BY rowid LIMIT 1")) {
            seek.setLong(1, rowid);
            try (ResultSet result = seek.executeQuery()) {
                result.next();
                return true;
            }
        } catch (SQLException e) {
            if (CacheException.isDamage(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The rows the damaged cache's smallest index counts, when it can still count them. */
    private OptionalLong count(String table) throws SQLException {
        return CacheSchema.rows(source, table);
    }

    private static void deleteCopy(Path target) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(target + suffix));
            } catch (IOException e) {
                // The copy was never handed out; a leftover is only in the way of the next attempt, which names it.
            }
        }
    }
}
