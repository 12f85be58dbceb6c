package org.embex.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.embed.Embedder;
import org.embex.embed.EmbeddingModel;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.model.TestModels;
import org.embex.progress.ProgressListener;

/** A corpus the cache holds whole is read back without opening the model (a second at every open). */
class CachingEmbedderTest {

    private static ModelFolder folder;
    private static Embedder model;

    @TempDir
    Path dir;

    /** Three texts, two of them distinct. */
    private final List<String> texts = List.of("my bill is too high", "why was I charged twice?", "my bill is too high");
    /** How often the model was asked for; the caching embedder asks on each slice the cache lacks. */
    private final AtomicInteger opened = new AtomicInteger();
    private final Supplier<EmbeddingModel> opener = () -> {
        opened.incrementAndGet();
        return model;
    };

    @BeforeAll
    static void open() {
        folder = TestModels.installed("all-minilm-l6-v2");
        model = Embedder.open(folder);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theModelIsOpenedOnlyForTextsTheCacheLacks() {
        try (VectorCache cache = VectorCache.open(dir.resolve("vectors.sqlite"))) {
            ModelFingerprint fingerprint = ModelFingerprint.of(folder, cache);
            CachingEmbedder.EmbedRun first = CachingEmbedder.opening(opener, fingerprint, cache, folder)
                    .run(texts, Role.TEXT, ProgressListener.NONE);
            assertThat(opened).hasValue(1);
            assertThat(first.embedded()).isEqualTo(2);

            CachingEmbedder.EmbedRun again = CachingEmbedder.opening(opener, fingerprint, cache, folder)
                    .run(texts, Role.TEXT, ProgressListener.NONE);
            assertThat(opened).as("all cached: the model is not asked for").hasValue(1);
            assertThat(again.cached()).isEqualTo(2);
            assertThat(again.embeddings().get(1).vector()).isEqualTo(first.embeddings().get(1).vector());

            CachingEmbedder.opening(opener, fingerprint, cache, folder)
                    .run(List.of("my bill is too high", "the roaming charges in Spain"), Role.TEXT, ProgressListener.NONE);
            assertThat(opened).as("one text missing").hasValue(2);
        }
    }

    @Test
    void aRunFromTheCacheAloneIsThereOnlyWhenEveryTextIsAndNeverOpensTheModel() {
        try (VectorCache cache = VectorCache.open(dir.resolve("vectors.sqlite"))) {
            ModelFingerprint fingerprint = ModelFingerprint.of(folder, cache);
            CachingEmbedder source = CachingEmbedder.opening(opener, fingerprint, cache, folder);
            assertThat(source.runFromCache(texts, Role.TEXT)).isEmpty();

            CachingEmbedder.EmbedRun embedded = source.run(texts.subList(0, 1), Role.TEXT, ProgressListener.NONE);
            assertThat(opened).hasValue(1);
            assertThat(source.runFromCache(texts, Role.TEXT)).as("one of two distinct texts cached").isEmpty();

            source.run(texts, Role.TEXT, ProgressListener.NONE);
            int before = opened.get();
            CachingEmbedder.EmbedRun cached = CachingEmbedder.opening(opener, fingerprint, cache, folder)
                    .runFromCache(texts, Role.TEXT).orElseThrow();
            assertThat(opened).as("read from the cache alone").hasValue(before);
            assertThat(cached.embedded()).isZero();
            assertThat(cached.cached()).isEqualTo(2);
            assertThat(cached.embeddings()).hasSize(3);
            assertThat(cached.embeddings().get(0).vector()).isEqualTo(embedded.embeddings().get(0).vector());
            assertThat(cached.embeddings().get(2).vector()).isEqualTo(embedded.embeddings().get(0).vector());
        }
    }
}
