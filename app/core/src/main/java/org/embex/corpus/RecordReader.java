package org.embex.corpus;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the records of a file one at a time, so that a file of a million rows is never held
 * whole. Errors are {@link CorpusFormatException}s that say where. A record that breaks the
 * file's shape (a CSV or TSV row whose cells do not match the header, a JSONL line that is not
 * one JSON object) stops the reading, or with {@link ReadOptions#skipBadRows()} is left out and
 * listed in {@link #skipped()}.
 */
public interface RecordReader extends Iterator<SourceRecord>, AutoCloseable {

    /** The columns seen so far: all of them for CSV and TSV, those of the records read so far for JSONL. */
    List<String> columns();

    /** The records left out so far, in file order; empty unless the options say to skip bad rows. */
    List<SkippedRow> skipped();

    @Override
    void close();

    static RecordReader open(Path file, ReadOptions options) {
        return RecordReaders.open(file, options, new BadRows(options.skipBadRows()));
    }
}
