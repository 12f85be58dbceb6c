package org.embex.cli;

import org.embex.cache.CachingEmbedder;
import org.embex.cache.VectorCache;
import org.embex.embed.Embedder;
import org.embex.model.ModelFolder;

/** A model opened behind the vector cache, for the length of one command. */
final class EmbeddingSession implements AutoCloseable {

    private final VectorCache cache;
    private final Embedder embedder;
    private final CachingEmbedder source;

    private EmbeddingSession(VectorCache cache, Embedder embedder, CachingEmbedder source) {
        this.cache = cache;
        this.embedder = embedder;
        this.source = source;
    }

    static EmbeddingSession open(ModelOptions model, CacheOptions cacheOptions) {
        return open(model.installed(), cacheOptions);
    }

    static EmbeddingSession open(ModelFolder folder, CacheOptions cacheOptions) {
        VectorCache cache = cacheOptions.open();
        Embedder embedder = null;
        try {
            embedder = Embedder.open(folder);
            return new EmbeddingSession(cache, embedder, new CachingEmbedder(embedder, cache, folder));
        } catch (RuntimeException e) {
            if (embedder != null) {
                embedder.close();
            }
            cache.close();
            throw e;
        }
    }

    VectorCache cache() {
        return cache;
    }

    Embedder embedder() {
        return embedder;
    }

    CachingEmbedder source() {
        return source;
    }

    @Override
    public void close() {
        embedder.close();
        cache.close();
    }
}
