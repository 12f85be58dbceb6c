package org.embex.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.model.ContentHash;
import org.embex.model.ModelFingerprint;

class VectorCacheTest {

    @TempDir
    Path dir;

    private static final ModelFingerprint MODEL_A = new ModelFingerprint("a".repeat(64));
    private static final ModelFingerprint MODEL_B = new ModelFingerprint("b".repeat(64));

    private static List<CachedVector> vectors(int count, int dims, long seed) {
        Random random = new Random(seed);
        List<CachedVector> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] vector = new float[dims];
            for (int j = 0; j < dims; j++) {
                vector[j] = (float) random.nextGaussian();
            }
            batch.add(new CachedVector(VectorCache.textHash("text " + seed + "/" + i),
                    new Embedding(vector, 7 + i, i % 2 == 0, i / 100.0)));
        }
        return batch;
    }

    private static List<byte[]> hashes(List<CachedVector> batch) {
        return batch.stream().map(CachedVector::textHash).toList();
    }

    @Test
    void vectorsComeBackBitForBitWithTheirTokenReport() {
        List<CachedVector> batch = vectors(50, 384, 1);
        try (VectorCache cache = VectorCache.open(dir.resolve("c.sqlite"))) {
            int model = cache.modelKey(MODEL_A, "a", 384);
            cache.putAll(model, batch);
            Map<ByteBuffer, Embedding> back = cache.get(model, hashes(batch));
            assertThat(back).hasSize(50);
            for (CachedVector stored : batch) {
                Embedding found = back.get(ByteBuffer.wrap(stored.textHash()));
                assertThat(found.vector()).containsExactly(stored.embedding().vector());
                assertThat(found.tokens()).isEqualTo(stored.embedding().tokens());
                assertThat(found.truncated()).isEqualTo(stored.embedding().truncated());
                assertThat(found.unknownShare()).isEqualTo(stored.embedding().unknownShare());
            }
        }
    }

    @Test
    void vectorsSurviveReopening() {
        Path file = dir.resolve("c.sqlite");
        List<CachedVector> batch = vectors(10, 8, 2);
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), batch);
        }
        try (VectorCache cache = VectorCache.open(file)) {
            assertThat(cache.get(cache.modelKey(MODEL_A, "a", 8), hashes(batch))).hasSize(10);
            assertThat(cache.check().problems()).isEmpty();
        }
    }

    @Test
    void sameStringUnderAnotherModelIsNotServed() {
        List<CachedVector> batch = vectors(5, 8, 3);
        try (VectorCache cache = VectorCache.open(dir.resolve("c.sqlite"))) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), batch);
            assertThat(cache.get(cache.modelKey(MODEL_B, "a", 8), hashes(batch))).isEmpty();
        }
    }

    @Test
    void storingTheSameVectorsTwiceKeepsOneRowEach() {
        List<CachedVector> batch = vectors(20, 8, 4);
        try (VectorCache cache = VectorCache.open(dir.resolve("c.sqlite"))) {
            int model = cache.modelKey(MODEL_A, "a", 8);
            cache.putAll(model, batch);
            cache.putAll(model, batch);
            assertThat(cache.stats().vectors()).isEqualTo(20);
        }
    }

    @Test
    void pruneDropsModelsNotKept() {
        try (VectorCache cache = VectorCache.open(dir.resolve("c.sqlite"))) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), vectors(5, 8, 5));
            cache.putAll(cache.modelKey(MODEL_B, "b", 8), vectors(7, 8, 6));
            assertThat(cache.prune(List.of(MODEL_A))).isEqualTo(7);
            assertThat(cache.stats().models()).extracting(CacheStats.ModelVectors::modelId).containsExactly("a");
            cache.vacuum();
            assertThat(cache.check().problems()).isEmpty();
        }
    }

    @Test
    void fileHashIsRememberedUntilTheFileChanges() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "one");
        try (VectorCache cache = VectorCache.open(dir.resolve("c.sqlite"))) {
            String first = cache.sha256(file);
            assertThat(first).isEqualTo(org.embex.model.ContentHash.ofFile(file));
            Files.writeString(file, "two, longer");
            assertThat(cache.sha256(file)).isNotEqualTo(first).isEqualTo(org.embex.model.ContentHash.ofFile(file));
        }
    }

    @Test
    void reopenedCorpusIsKnownUntilItsContentChanges() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.csv"), "text\nhello\n");
        try (VectorCache cache = VectorCache.open(dir.resolve("c.sqlite"))) {
            cache.recordCorpus(corpus, "text=text", 1);
            assertThat(cache.corpus(corpus, "text=text")).get().extracting(CorpusRecord::rows).isEqualTo(1L);
            assertThat(cache.corpus(corpus, "text=other")).isEmpty();
            Files.writeString(corpus, "text\nhello\nworld\n");
            assertThat(cache.corpus(corpus, "text=text")).isEmpty();
        }
    }

    @Test
    void fileThatIsNotADatabaseIsABadInputAndLeftAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.sqlite"), "these are my notes, not a database\n".repeat(200));
        assertThatThrownBy(() -> VectorCache.open(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cache " + file + " is not an embex cache (it is not a SQLite database); embex leaves it alone: "
                        + "choose another file with --cache or EMBEX_CACHE");
        assertThat(Files.readString(file)).startsWith("these are my notes");
        assertThat(besides(file)).isEmpty();
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("photos.db");
        sql(file, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO photos (name) VALUES ('beach')");
        String before = ContentHash.ofFile(file);
        assertThatThrownBy(() -> VectorCache.open(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cache " + file + " is not an embex cache (it is another program's SQLite database); "
                        + "embex leaves it alone: choose another file with --cache or EMBEX_CACHE");
        assertThat(ContentHash.ofFile(file)).isEqualTo(before);
        assertThat(besides(file)).isEmpty();
    }

    @Test
    void anotherProgramsDatabaseLeftWithFramesInItsWalGetsNothingCheckpointedIntoIt() throws Exception {
        Path running = dir.resolve("running.db");
        Path crashed = dir.resolve("crashed.db");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + running);
             Statement statement = app.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("CREATE TABLE notes (text TEXT)");
            statement.execute("INSERT INTO notes VALUES ('only in the WAL so far')");
            // The files as the program leaves them when it dies before a checkpoint.
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.copy(Path.of(running + suffix), Path.of(crashed + suffix));
            }
        }
        String before = ContentHash.ofFile(crashed);
        String walBefore = ContentHash.ofFile(Path.of(crashed + "-wal"));
        assertThatThrownBy(() -> VectorCache.open(crashed)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not an embex cache");
        assertThat(ContentHash.ofFile(crashed)).isEqualTo(before);
        assertThat(ContentHash.ofFile(Path.of(crashed + "-wal"))).isEqualTo(walBefore);
    }

    @Test
    void aTableNamedVectorsUnderUserVersionOneIsNotDropped() throws Exception {
        Path file = dir.resolve("mine.db");
        sql(file, "CREATE TABLE vectors (id INTEGER PRIMARY KEY, data BLOB)", "INSERT INTO vectors (data) VALUES (x'0102')",
                "PRAGMA user_version = 1");
        String before = ContentHash.ofFile(file);
        assertThatThrownBy(() -> VectorCache.open(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not an embex cache");
        assertThat(ContentHash.ofFile(file)).isEqualTo(before);
    }

    @Test
    void aCacheMadeBeforeTheMarkOpensKeepsItsVectorsAndIsMarked() throws Exception {
        Path file = dir.resolve("c.sqlite");
        List<CachedVector> batch = vectors(10, 8, 9);
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), batch);
        }
        sql(file, "PRAGMA application_id = 0");
        assertThat(pragma(file, "application_id")).isZero();
        try (VectorCache cache = VectorCache.open(file)) {
            assertThat(cache.get(cache.modelKey(MODEL_A, "a", 8), hashes(batch))).hasSize(10);
        }
        assertThat(pragma(file, "application_id")).isEqualTo(0x454D4258);
    }

    @Test
    void aCacheOfSchemaThreeMadeBeforeTheMarkIsRecognisedAndGainsTheGraphsTable() throws Exception {
        Path file = dir.resolve("c.sqlite");
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), vectors(3, 8, 10));
        }
        sql(file, "DROP TABLE graphs", "PRAGMA user_version = 3", "PRAGMA application_id = 0");
        try (VectorCache cache = VectorCache.open(file)) {
            assertThat(cache.stats().vectors()).isEqualTo(3);
            assertThat(cache.graph(new GraphKey("sha", "text=1", "m", org.embex.vectors.Metric.COSINE, 14, 42))).isEmpty();
        }
        assertThat(pragma(file, "application_id")).isEqualTo(0x454D4258);
        assertThat(pragma(file, "user_version")).isEqualTo(4);
    }

    @Test
    void aCacheOfTheFirstLayoutMadeBeforeTheMarkIsRecognisedAndItsVectorsTableRebuilt() throws Exception {
        Path file = dir.resolve("c.sqlite");
        sql(file, "CREATE TABLE models (model INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, model_id TEXT NOT NULL, "
                        + "dims INTEGER NOT NULL, created INTEGER NOT NULL)",
                "CREATE TABLE vectors (model INTEGER NOT NULL REFERENCES models(model), text_hash BLOB NOT NULL, "
                        + "vector BLOB NOT NULL, tokens INTEGER NOT NULL, truncated INTEGER NOT NULL, "
                        + "unknown_share REAL NOT NULL, PRIMARY KEY (model, text_hash)) WITHOUT ROWID",
                "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, sha256 TEXT NOT NULL)",
                "CREATE TABLE corpora (path TEXT NOT NULL, columns TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
                        + "rows INTEGER NOT NULL, opened INTEGER NOT NULL, PRIMARY KEY (path, columns))",
                "PRAGMA user_version = 1");
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), vectors(4, 8, 12));
            assertThat(cache.stats().vectors()).isEqualTo(4);
        }
        assertThat(pragma(file, "application_id")).isEqualTo(0x454D4258);
    }

    @Test
    void aFileWhereTheCachesFolderShouldBeIsABadInput() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path file = notes.resolve("vectors.sqlite");
        assertThatThrownBy(() -> VectorCache.open(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cache " + file + ": " + notes + " is a file, so the cache cannot go in it: name a file with --cache "
                        + "or EMBEX_CACHE (embex creates it)");
        assertThat(Files.readString(notes)).isEqualTo("mine");
    }

    @Test
    void lookingAtACacheThatIsNotThereCreatesNothing() {
        Path file = dir.resolve("none/vectors.sqlite");
        assertThatThrownBy(() -> VectorCache.openExisting(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage("there is no cache at " + file + " (no such file); name one with --cache or EMBEX_CACHE");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void aCacheOfANewerEmbexIsLeftAlone() throws Exception {
        Path file = dir.resolve("c.sqlite");
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), vectors(2, 8, 13));
        }
        sql(file, "PRAGMA user_version = 5");
        assertThatThrownBy(() -> VectorCache.open(file))
                .isInstanceOf(CacheException.class)
                .hasMessage("cache " + file + " was written by a newer embex (schema 5; this one reads up to 4): use that embex, "
                        + "or another cache with --cache");
        assertThat(pragma(file, "user_version")).isEqualTo(5);
    }

    @Test
    void checkCountsTheRowsOfEveryTable() {
        try (VectorCache cache = VectorCache.open(dir.resolve("c.sqlite"))) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), vectors(6, 8, 14));
            CacheCheck check = cache.check();
            assertThat(check.sound()).isTrue();
            assertThat(check.tables()).extracting(CacheCheck.TableRows::table)
                    .containsExactly("models", "vectors", "corpora", "files", "layouts", "graphs");
            assertThat(check.tables().get(1).rows()).hasValue(6);
        }
    }

    @Test
    void checkReportsTheDamageSQLiteFinds() throws IOException {
        Path file = DamagedCaches.damaged(dir.resolve("c.sqlite"), MODEL_A);
        try (VectorCache cache = VectorCache.openExisting(file)) {
            CacheCheck check = cache.check();
            assertThat(check.sound()).isFalse();
            assertThat(check.problems()).isNotEmpty();
            assertThat(check.damage()).hasMessageStartingWith("cache " + file + " is damaged (SQLite's integrity check found ");
        }
    }

    @Test
    void anEmptyFileBecomesACache() throws IOException {
        Path file = Files.createFile(dir.resolve("new.sqlite"));
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), vectors(2, 8, 11));
            assertThat(cache.stats().vectors()).isEqualTo(2);
        }
    }

    @Test
    void aFolderIsNotACacheAndNothingIsCreatedInIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertThatThrownBy(() -> VectorCache.open(folder))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cache " + folder + " is a folder, not a file: name a file with --cache or EMBEX_CACHE "
                        + "(embex creates it)");
        try (var inside = Files.list(folder)) {
            assertThat(inside).isEmpty();
        }
        assertThat(besides(folder)).isEmpty();
    }

    @Test
    void aDeviceIsNotACacheAndNoJournalAppearsBesideIt() {
        Path journal = Path.of("/dev/null-journal");
        assumeTrue(Files.notExists(journal), "/dev/null-journal is there already");
        assertThatThrownBy(() -> VectorCache.open(Path.of("/dev/null")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cache /dev/null is not a regular file: name a file with --cache or EMBEX_CACHE (embex creates it)");
        assertThat(journal).doesNotExist();
    }

    @Test
    void theFirstWriteToADamagedCacheIsRefusedAndWritesNothing() throws IOException {
        Path file = DamagedCaches.damaged(dir.resolve("c.sqlite"), MODEL_A);
        String before = ContentHash.ofFile(file);
        Path corpus = Files.writeString(dir.resolve("corpus.csv"), "text\nhello\n");
        try (VectorCache cache = VectorCache.open(file)) {
            assertThatThrownBy(() -> cache.recordCorpus(corpus, "text=text", 1))
                    .isInstanceOf(CacheException.class)
                    .hasMessageStartingWith("cache " + file + " is damaged (SQLite's integrity check found ")
                    .hasMessageEndingWith("problems); copy its good rows into a new cache with: ./embex cache recover --cache "
                            + file + " --to " + dir.resolve("c-recovered.sqlite"));
        }
        assertThat(ContentHash.ofFile(file)).isEqualTo(before);
    }

    @Test
    void damageMetWhileReadingIsReportedWithTheWayToRecover() throws IOException {
        Path file = DamagedCaches.damaged(dir.resolve("c.sqlite"), MODEL_A);
        try (VectorCache cache = VectorCache.open(file)) {
            // The only model's key is 1; asking for it by modelKey would be a write, which the quick check stops first.
            assertThatThrownBy(() -> cache.get(1, DamagedCaches.hashes()))
                    .isInstanceOf(CacheException.class)
                    .hasMessageContaining(" is damaged (SQLite's integrity check found ")
                    .hasMessageContaining("./embex cache recover --cache " + file)
                    .message().doesNotContain("SQLITE").doesNotContain("malformed");
        }
    }

    @Test
    void readOnlyCacheGivesAClearErrorAndKeepsItsVectors() throws Exception {
        Path file = dir.resolve("c.sqlite");
        List<CachedVector> batch = vectors(5, 8, 7);
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL_A, "a", 8), batch);
            cache.vacuum();
        }
        assumeTrue(run("chattr", "+i", file.toString()) == 0, "chattr +i is not available here");
        try {
            assertThatThrownBy(() -> {
                try (VectorCache cache = VectorCache.open(file)) {
                    cache.putAll(cache.modelKey(MODEL_A, "a", 8), vectors(5, 8, 8));
                }
            }).isInstanceOf(CacheException.class).hasMessageContaining("read-only");
        } finally {
            run("chattr", "-i", file.toString());
        }
        try (VectorCache cache = VectorCache.open(file)) {
            assertThat(cache.get(cache.modelKey(MODEL_A, "a", 8), hashes(batch))).hasSize(5);
        }
    }

    @Test
    void fullDiskKeepsEveryCommittedBatchAndNoPartOfTheFailedOne() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", small.toString()) == 0,
                "cannot mount a small file system here");
        try {
            Path file = small.resolve("c.sqlite");
            int committed = 0;
            CacheException failure = null;
            try (VectorCache cache = VectorCache.open(file)) {
                int model = cache.modelKey(MODEL_A, "a", 384);
                for (int seed = 100; failure == null && seed < 400; seed++) {
                    try {
                        cache.putAll(model, vectors(10, 384, seed));
                        committed += 10;
                    } catch (CacheException e) {
                        failure = e;
                    }
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("disk is full");
            assertThat(committed).isPositive();
            try (VectorCache cache = VectorCache.open(file)) {
                assertThat(cache.check().problems()).isEmpty();
                assertThat(cache.stats().vectors()).isEqualTo(committed);
            }
        } finally {
            run("umount", small.toString());
        }
    }

    /** Files that appeared beside {@code file}: journals, WAL. */
    private static List<Path> besides(Path file) throws IOException {
        try (var siblings = Files.list(file.toAbsolutePath().getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + "-")).toList();
        }
    }

    /** Runs statements on a SQLite file as another program would. */
    private static void sql(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int pragma(Path file, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.getInt(1);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
