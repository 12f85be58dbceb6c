package org.embex.usecase;

import java.nio.file.Path;

import org.embex.corpus.ColumnChoice;
import org.embex.corpus.Corpus;
import org.embex.corpus.CorpusReader;
import org.embex.corpus.ReadOptions;

/** A file and how to read it: what the import dialog settles. */
public record CorpusSpec(Path file, ReadOptions options, ColumnChoice columns) {

    public static CorpusSpec defaults(Path file) {
        return new CorpusSpec(file, ReadOptions.defaults(), ColumnChoice.defaults());
    }

    public Corpus read() {
        return CorpusReader.readAll(file, options, columns);
    }

    /** The reading choices in the words the command line's layout keys use, so both share cached maps. */
    public String describe() {
        return columns.describe(file, options);
    }
}
