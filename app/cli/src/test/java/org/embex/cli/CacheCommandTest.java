package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.embex.cache.CachedVector;
import org.embex.cache.VectorCache;
import org.embex.embed.Embedding;
import org.embex.model.ContentHash;
import org.embex.model.ModelFingerprint;

/**
 * The cache commands and {@code --cache} on files that are not embex's, paths that are not files,
 * paths with nothing there, and a cache damaged in the middle: one line on stderr, exit 2 for a
 * path that holds no embex cache, exit 1 for a damaged one, and the file as it was.
 */
class CacheCommandTest {

    private static final int VECTORS = 2_000;
    private static final int DIMS = 384;

    @TempDir
    Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    private static void assertOneLineError(Run run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("SQLITE")
                .startsWith("embex: ").contains(fragments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats", "check", "prune", "vacuum"})
    void aCommandOnAPathWithoutACacheSaysSoAndCreatesNothing(String command) {
        Path missing = dir.resolve("nothing/here.sqlite");
        assertOneLineError(Run.of("cache", command, "--cache", missing.toString()), ExitCode.BAD_INPUT,
                "there is no cache at " + missing + " (no such file); name one with --cache or EMBEX_CACHE");
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    @Test
    void statsOnAnotherProgramsDatabaseLeavesItAsItWas() throws Exception {
        Path other = dir.resolve("app.db");
        sql(other, "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)", "INSERT INTO settings VALUES ('theme', 'dark')");
        String before = ContentHash.ofFile(other);
        assertOneLineError(Run.of("cache", "stats", "--cache", other.toString()), ExitCode.BAD_INPUT,
                "embex: cache " + other + " is not an embex cache (it is another program's SQLite database); "
                        + "embex leaves it alone: choose another file with --cache or EMBEX_CACHE");
        assertThat(ContentHash.ofFile(other)).isEqualTo(before);
    }

    @Test
    void embedWithTheCacheOnADeviceSaysItIsNoFileAndCreatesNoJournal() throws IOException {
        Path journal = Path.of("/dev/null-journal");
        assumeTrue(Files.notExists(journal), "/dev/null-journal is there already");
        Path input = Files.writeString(dir.resolve("in.txt"), "hello\n");
        assertOneLineError(Run.of("embed", input.toString(), "-m", "all-minilm-l6-v2", "--cache", "/dev/null"),
                ExitCode.BAD_INPUT,
                "embex: cache /dev/null is not a regular file: name a file with --cache or EMBEX_CACHE (embex creates it)");
        assertThat(journal).doesNotExist();
    }

    @Test
    void statsOnADamagedCacheFailsAndSaysHowToRecover() throws IOException {
        Path cache = damagedCache();
        assertOneLineError(Run.of("cache", "stats", "--cache", cache.toString()), ExitCode.FAILURE,
                "embex: cache " + cache + " is damaged (SQLite's integrity check found ",
                "); copy its good rows into a new cache with: ./embex cache recover --cache " + cache + " --to "
                        + dir.resolve("vectors-recovered.sqlite"));
    }

    @Test
    void embedIntoADamagedCacheWritesNothingToIt() throws IOException {
        Path cache = damagedCache();
        String before = ContentHash.ofFile(cache);
        Path input = Files.writeString(dir.resolve("in.txt"), "hello\nworld\n");
        assertOneLineError(Run.of("embed", input.toString(), "-m", "all-minilm-l6-v2", "--cache", cache.toString()),
                ExitCode.FAILURE, "is damaged", "./embex cache recover");
        assertThat(ContentHash.ofFile(cache)).isEqualTo(before);
        Path wal = Path.of(cache + "-wal");
        assertThat(Files.notExists(wal) || sizeOf(wal) == 0).as("nothing went into a WAL either").isTrue();
    }

    @Test
    void checkOfASoundCacheCountsItsRows() {
        Path cache = filledCache(dir.resolve("vectors.sqlite"));
        Run run = Run.of("cache", "check", "--cache", cache.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = run.json();
        assertThat(report.get("sound").asBoolean()).isTrue();
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("rows").get("vectors").asLong()).isEqualTo(VECTORS);
        assertThat(report.get("rows").get("models").asLong()).isEqualTo(1);
    }

    @Test
    void checkOfADamagedCacheReportsTheProblemsAndExitsOne() throws IOException {
        Path cache = damagedCache();
        Run run = Run.of("cache", "check", "--cache", cache.toString(), "--json");
        assertOneLineError(run, ExitCode.FAILURE, "is damaged", "./embex cache recover");
        JsonNode report = run.json();
        assertThat(report.get("sound").asBoolean()).isFalse();
        assertThat(report.get("problems")).isNotEmpty();
    }

    @Test
    void recoverCopiesTheGoodRowsIntoANewCacheThatIsSound() throws IOException {
        Path cache = damagedCache();
        String before = ContentHash.ofFile(cache);
        Path copy = dir.resolve("vectors-recovered.sqlite");
        Run run = Run.of("cache", "recover", "--cache", cache.toString(), "--to", copy.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode recovery = run.json();
        assertThat(recovery.get("vectors").asLong()).isBetween(VECTORS - 22L, VECTORS - 1L);
        assertThat(recovery.get("listed").asLong()).isEqualTo(VECTORS);
        assertThat(ContentHash.ofFile(cache)).isEqualTo(before);

        JsonNode check = Run.of("cache", "check", "--cache", copy.toString(), "--json").json();
        assertThat(check.get("sound").asBoolean()).isTrue();
        assertThat(check.get("rows").get("vectors").asLong()).isEqualTo(recovery.get("vectors").asLong());
        assertThat(Run.of("cache", "stats", "--cache", copy.toString()).exitCode()).isZero();
    }

    @Test
    void recoverSaysHowToUseTheCopy() throws IOException {
        Path cache = damagedCache();
        Path copy = dir.resolve("vectors-recovered.sqlite");
        Run run = Run.of("cache", "recover", "--cache", cache.toString(), "--to", copy.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("vectors of the 2,000 the damaged cache lists")
                .contains("use it with --cache " + copy + ", or, with no embex running, put it in the damaged cache's place: "
                        + "rm -f " + cache + "-wal " + cache + "-shm && mv " + copy + " " + cache);
    }

    @Test
    void recoverWritesOverNoFile() throws IOException {
        Path cache = damagedCache();
        Path existing = Files.writeString(dir.resolve("existing.sqlite"), "mine");
        assertOneLineError(Run.of("cache", "recover", "--cache", cache.toString(), "--to", existing.toString()),
                ExitCode.BAD_INPUT, existing + " is there already");
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    /** A sound cache of {@link #VECTORS} vectors of one model, all in the main file. */
    private static Path filledCache(Path file) {
        Random random = new Random(2026);
        List<CachedVector> vectors = new ArrayList<>();
        for (int i = 0; i < VECTORS; i++) {
            float[] vector = new float[DIMS];
            for (int j = 0; j < DIMS; j++) {
                vector[j] = (float) random.nextGaussian();
            }
            vectors.add(new CachedVector(VectorCache.textHash("text " + i), new Embedding(vector, 5, false, 0)));
        }
        try (VectorCache cache = VectorCache.open(file)) {
            int model = cache.modelKey(new ModelFingerprint("a".repeat(64)), "a", DIMS);
            for (int from = 0; from < VECTORS; from += 256) {
                cache.putAll(model, vectors.subList(from, Math.min(VECTORS, from + 256)));
            }
        }
        return file;
    }

    /** {@link #filledCache}, with 4,000 random bytes written over the middle of the file. */
    private Path damagedCache() throws IOException {
        Path file = filledCache(dir.resolve("vectors.sqlite"));
        assertThat(Path.of(file + "-wal")).doesNotExist();
        byte[] junk = new byte[4_000];
        new Random(7).nextBytes(junk);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            raw.write(junk);
        }
        return file;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sql(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
