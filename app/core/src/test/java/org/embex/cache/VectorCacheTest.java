package org.embex.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.embed.Embedding;
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
            assertThat(cache.integrityCheck()).isEqualTo("ok");
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
            assertThat(cache.integrityCheck()).isEqualTo("ok");
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
    void fileThatIsNotADatabaseGivesAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.sqlite"), "these are my notes, not a database\n".repeat(200));
        assertThatThrownBy(() -> VectorCache.open(file))
                .isInstanceOf(CacheException.class)
                .hasMessage("cache " + file + ": cannot open: it is not a SQLite database; move it away or choose another cache with --cache");
        assertThat(Files.readString(file)).startsWith("these are my notes");
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
                assertThat(cache.integrityCheck()).isEqualTo("ok");
                assertThat(cache.stats().vectors()).isEqualTo(committed);
            }
        } finally {
            run("umount", small.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
