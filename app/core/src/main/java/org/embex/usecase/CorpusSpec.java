package org.embex.usecase;

import java.nio.file.Path;

import org.embex.corpus.ColumnChoice;
import org.embex.corpus.Corpus;
import org.embex.corpus.CorpusReader;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.RowFilter;

/**
 * A file, how to read it and which of its rows to look at: what the import dialog settles and
 * {@code --where} narrows.
 */
public record CorpusSpec(Path file, ReadOptions options, ColumnChoice columns, RowFilter where) {

    public CorpusSpec(Path file, ReadOptions options, ColumnChoice columns) {
        this(file, options, columns, RowFilter.ALL);
    }

    /** The same file read the same way, only the rows that pass {@code filter}. */
    public CorpusSpec where(RowFilter filter) {
        return new CorpusSpec(file, options, columns, filter);
    }

    public static CorpusSpec defaults(Path file) {
        return new CorpusSpec(file, ReadOptions.defaults(), ColumnChoice.defaults());
    }

    public Corpus read() {
        return where.apply(CorpusReader.readAll(file, options, columns));
    }

    /**
     * The reading choices in the words the command line's layout keys use, so both share cached
     * maps; a filter is part of them, since other rows make another map.
     */
    public String describe() {
        return where.all() ? columns.describe(file, options) : columns.describe(file, options) + " " + where.describe();
    }
}
