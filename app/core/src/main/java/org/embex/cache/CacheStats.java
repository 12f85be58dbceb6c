package org.embex.cache;

import java.nio.file.Path;
import java.util.List;

/** What a cache file holds. */
public record CacheStats(Path file, long bytes, List<ModelVectors> models, long corpora) {

    public long vectors() {
        return models.stream().mapToLong(ModelVectors::vectors).sum();
    }

    /** Vectors stored under one model fingerprint. */
    public record ModelVectors(String modelId, String fingerprint, int dims, long vectors) {
    }
}
