package org.embex.usecase;

import java.nio.file.Files;
import java.nio.file.Path;

import org.embex.corpus.TextFolder;
import org.embex.model.ContentHash;
import org.embex.model.FileHasher;
import org.embex.parquet.ParquetParts;

/**
 * The SHA-256 that stands for a corpus's content in the cache keys of its layouts and search
 * index: a file's own hash, or for a folder the hash of each text file's path inside it and
 * content hash, in the order the reader reads them ({@link TextFolder}). A folder has no content
 * of its own to hash (reading it fails with "Is a directory"), and a changed, added, removed or
 * renamed text must make a new key.
 */
final class CorpusHash {

    private CorpusHash() {
    }

    /**
     * The corpus's part of a cache key. Vectors a file brought are keyed by their fingerprint, a hash
     * of the values already: a map of them depends on nothing else in the file, and hashing a file of
     * a million vectors again would cost seconds.
     */
    static String of(FileHasher hasher, EmbeddedCorpus corpus) {
        return OwnVectors.fromFile(corpus.model()) ? corpus.fingerprint() : of(hasher, corpus.spec().file());
    }

    /** @param hasher the cache, which remembers each file's hash by size and modification time */
    static String of(FileHasher hasher, Path corpus) {
        if (!Files.isDirectory(corpus)) {
            return hasher.sha256(corpus);
        }
        StringBuilder listing = new StringBuilder();
        for (Path file : ParquetParts.isPartsFolder(corpus) ? ParquetParts.of(corpus) : TextFolder.files(corpus)) {
            // Separators as '/' so that the same folder has the same key on every system.
            listing.append(corpus.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .append('\0').append(hasher.sha256(file)).append('\n');
        }
        return ContentHash.ofTextHex(listing.toString());
    }
}
