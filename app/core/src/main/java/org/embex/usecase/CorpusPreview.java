package org.embex.usecase;

import java.nio.file.Path;
import java.util.Optional;

import org.embex.corpus.ReadOptions;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;

/** A file read as a table, for the import dialog's preview and column choices. */
public final class CorpusPreview {

    private CorpusPreview() {
    }

    public static Table of(Path file, ReadOptions options) {
        return TableReader.read(file, options);
    }

    /**
     * Reads the corpus {@code spec} names, as opening it will, and says which rows it skipped (in
     * the words the commands warn with), or throws the reader's error with its line and column.
     */
    public static Optional<String> check(CorpusSpec spec, int shown) {
        return spec.read().skippedSummary(shown);
    }
}
