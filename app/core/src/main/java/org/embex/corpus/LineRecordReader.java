package org.embex.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Plain text: each non-blank line is one text, in the column {@code text}. */
final class LineRecordReader implements RecordReader {

    static final String TEXT = "text";

    private final BufferedReader lines;
    private long lineNumber;
    private SourceRecord next;

    LineRecordReader(LocatingReader reader) {
        this.lines = new BufferedReader(reader, 1 << 16);
    }

    @Override
    public List<String> columns() {
        return List.of(TEXT);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String line;
            try {
                line = lines.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return false;
            }
            lineNumber++;
            if (!line.isBlank()) {
                next = new SourceRecord(lineNumber, Map.of(TEXT, line));
            }
        }
        return true;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord record = next;
        next = null;
        return record;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // Only a read stream is closed; nothing was written that could be lost.
        }
    }
}
