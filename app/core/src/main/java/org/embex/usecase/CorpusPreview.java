package org.embex.usecase;

import java.nio.file.Path;
import java.util.Optional;

import org.embex.corpus.ReadOptions;
import org.embex.corpus.SkippedRow;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;

/** A file read as a table, for the import dialog's preview and column choices. */
public final class CorpusPreview {

    private CorpusPreview() {
    }

    public static Table of(Path file, ReadOptions options) {
        return TableReader.read(file, options);
    }

    /** The rows the preview left out, in the words the commands warn with. */
    public static Optional<String> skippedSummary(Table table, int shown) {
        return SkippedRow.summary(table.source(), table.skipped(), shown);
    }
}
