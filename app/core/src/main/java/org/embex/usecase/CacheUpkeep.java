package org.embex.usecase;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.embex.BadInputException;
import org.embex.cache.CacheCheck;
import org.embex.cache.CacheRecovery;
import org.embex.cache.CacheStats;
import org.embex.cache.Recovery;
import org.embex.cache.VectorCache;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;

/**
 * Looking after the vector cache: what it holds, whether it is sound, dropping vectors of models
 * gone, giving space back, and copying the good rows of a damaged one into a new file. None of
 * these creates a cache: a path without one is a bad input.
 */
public final class CacheUpkeep {

    private CacheUpkeep() {
    }

    /** What the cache holds, once SQLite's quick check has found it sound (a damaged cache's counts would mislead). */
    public static CacheStats stats(Path cache) {
        try (VectorCache opened = VectorCache.openExisting(cache)) {
            opened.requireSound();
            return opened.stats();
        }
    }

    /** SQLite's full integrity check and the rows of each table; a damaged cache is reported, not thrown. */
    public static CacheCheck check(Path cache) {
        try (VectorCache opened = VectorCache.openExisting(cache)) {
            return opened.check();
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
        VectorCache cache = workspace.existingCache();
        // models() refuses a catalogue folder that is not there: pruning against it would delete every vector.
        List<ModelFolder> installed = workspace.models().stream().filter(ModelFolder::installed).toList();
        if (installed.isEmpty() && keep.isEmpty()) {
            throw new BadInputException("no model is installed in " + workspace.catalogueDir() + ", so pruning would delete "
                    + "every vector; install one, or name the models to keep with --keep");
        }
        List<ModelFingerprint> live = Stream.concat(installed.stream(),
                        keep.stream().map(path -> workspace.installed(path.toString())))
                .map(workspace::fingerprint)
                .toList();
        long deleted = cache.prune(live);
        return new Pruned(deleted, cache.stats());
    }

    public static CacheStats vacuum(Path cache) {
        try (VectorCache opened = VectorCache.openExisting(cache)) {
            opened.vacuum();
            return opened.stats();
        }
    }

    /** Copies what can still be read from the cache at {@code cache} into a new cache at {@code to}. */
    public static Recovery recover(Path cache, Path to) {
        return CacheRecovery.recover(cache, to);
    }
}
