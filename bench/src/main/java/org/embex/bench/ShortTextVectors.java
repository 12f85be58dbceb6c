package org.embex.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.embex.cache.CachingEmbedder;
import org.embex.cache.VectorCache;
import org.embex.embed.Embedder;
import org.embex.embed.Embedding;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;

/**
 * Real embeddings of {@link ShortTexts} (real sentences, each with up to ten ordinary endings: ten
 * near-duplicates of every sentence), kept in a benchmark cache so that only the first run embeds.
 */
final class ShortTextVectors {

    private ShortTextVectors() {
    }

    static List<float[]> of(Path root, ModelFolder model, int count, String purpose) throws Exception {
        return embedded(root, model, ShortTexts.of(SentenceSource.find(root, model.descriptor().language()).sentences(), count),
                purpose);
    }

    /** Real embeddings of WordNet's first {@code count} glosses ({@link WordNetGlosses}), cached the same way. */
    static List<float[]> glosses(Path root, ModelFolder model, int count) throws Exception {
        return embedded(root, model, WordNetGlosses.of(count).stream().map(WordNetGlosses.Gloss::text).toList(), "wordnet");
    }

    private static List<float[]> embedded(Path root, ModelFolder model, List<String> texts, String purpose) throws Exception {
        Path work = Files.createDirectories(root.resolve("bench/target/" + purpose));
        try (Embedder embedder = Embedder.open(model); VectorCache cache = VectorCache.open(work.resolve("vectors.sqlite"))) {
            Progress.say("embedding " + texts.size() + " texts (cached after the first run)");
            return new CachingEmbedder(embedder, cache, model).embed(texts, Role.TEXT, ProgressListener.NONE).stream()
                    .map(Embedding::vector).toList();
        }
    }
}
