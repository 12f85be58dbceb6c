package org.embex.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.embex.vectors.NpyReader;

/**
 * A {@code .npy} file read as a corpus: it holds only vectors, so each row is known by its number,
 * from 0 as NumPy counts (column {@code row}), which also stands as its text: the points of such a
 * map are shown by number. A metadata file aligned by row gives them texts and labels instead
 * ({@code -m file:vectors.npy} beside a CSV, TSV or JSONL corpus).
 */
final class NpyRecordReader implements RecordReader {

    static final String ROW = "row";

    private final Path file;
    private final long rows;
    private final BadRows bad;
    private long next;

    NpyRecordReader(Path file, BadRows bad) {
        this.file = file;
        this.rows = NpyReader.header(file).rows();
        this.bad = bad;
    }

    @Override
    public List<String> columns() {
        return List.of(ROW);
    }

    @Override
    public List<SkippedRow> skipped() {
        return bad.skipped();
    }

    @Override
    public boolean hasNext() {
        return next < rows;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String number = String.valueOf(next++);
        return new SourceRecord(file, next, Map.of(ROW, Cell.string(number, 1)));
    }

    @Override
    public void close() {
        // The header was read whole; nothing stays open.
    }
}
