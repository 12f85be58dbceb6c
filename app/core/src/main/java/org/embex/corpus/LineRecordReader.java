package org.embex.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Plain text: each non-blank line is one text, in the column {@code text}. Blank lines separate
 * texts rather than being texts, so a plain text file has no bad rows.
 */
final class LineRecordReader extends LookaheadReader {

    static final String TEXT = "text";

    private final Path file;
    private final BufferedReader lines;
    private long lineNumber;

    LineRecordReader(Path file, LocatingReader reader, BadRows bad) {
        super(bad);
        this.file = file;
        this.lines = new BufferedReader(reader, 1 << 16);
    }

    @Override
    public List<String> columns() {
        return List.of(TEXT);
    }

    @Override
    protected SourceRecord fetch() {
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                lineNumber++;
                if (!line.isBlank()) {
                    return new SourceRecord(file, lineNumber, Map.of(TEXT, Cell.string(line, 1)));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
