package org.embex.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.embex.embed.Embedding;
import org.embex.model.ModelFingerprint;

/** Real cache files damaged in the middle, as a failing disk or a stray write leaves them. */
final class DamagedCaches {

    static final int VECTORS = 2_000;
    static final int DIMS = 384;

    private DamagedCaches() {
    }

    /** The vectors {@link #damaged} stores, in the order it stores them. */
    static List<CachedVector> vectors() {
        Random random = new Random(2026);
        List<CachedVector> vectors = new ArrayList<>(VECTORS);
        for (int i = 0; i < VECTORS; i++) {
            float[] vector = new float[DIMS];
            for (int j = 0; j < DIMS; j++) {
                vector[j] = (float) random.nextGaussian();
            }
            vectors.add(new CachedVector(VectorCache.textHash("text " + i), new Embedding(vector, 5 + i % 7, i % 3 == 0, i % 5 / 10.0)));
        }
        return vectors;
    }

    static List<byte[]> hashes() {
        return vectors().stream().map(CachedVector::textHash).toList();
    }

    /**
     * A sound cache of {@link #VECTORS} vectors of {@code model} ("a"), all in the main file, then
     * 4,000 random bytes written over the middle of it.
     */
    static Path damaged(Path file, ModelFingerprint model) throws IOException {
        try (VectorCache cache = VectorCache.open(file)) {
            int key = cache.modelKey(model, "a", DIMS);
            List<CachedVector> all = vectors();
            for (int from = 0; from < all.size(); from += 256) {
                cache.putAll(key, all.subList(from, Math.min(all.size(), from + 256)));
            }
        }
        assertThat(Path.of(file + "-wal")).as("closing the last connection moved the WAL into the file").doesNotExist();
        byte[] junk = new byte[4_000];
        new Random(7).nextBytes(junk);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            raw.write(junk);
        }
        return file;
    }
}
