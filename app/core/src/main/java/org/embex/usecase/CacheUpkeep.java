package org.embex.usecase;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.embex.cache.CacheStats;
import org.embex.cache.VectorCache;
import org.embex.model.ModelFingerprint;

/** Looking after the vector cache: what it holds, dropping vectors of models gone, giving space back. */
public final class CacheUpkeep {

    private CacheUpkeep() {
    }

    public static CacheStats stats(Path cache) {
        try (VectorCache opened = VectorCache.open(cache)) {
            return opened.stats();
        }
    }

    /** What pruning deleted, and the cache after it. */
    public record Pruned(long deleted, CacheStats after) {
    }

    /**
     * Deletes the vectors of every model that is not installed as it is now (by fingerprint: a
     * changed model file counts as a new model), keeping those of the model folders in {@code keep}.
     */
    public static Pruned prune(Workspace workspace, List<Path> keep) {
        VectorCache cache = workspace.cache();
        List<ModelFingerprint> live = Stream.concat(workspace.installedModels().stream(),
                        keep.stream().map(path -> workspace.installed(path.toString())))
                .map(model -> ModelFingerprint.of(model, cache))
                .toList();
        long deleted = cache.prune(live);
        return new Pruned(deleted, cache.stats());
    }

    public static CacheStats vacuum(Path cache) {
        try (VectorCache opened = VectorCache.open(cache)) {
            opened.vacuum();
            return opened.stats();
        }
    }
}
