package org.embex.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds where a CSV or TSV file's quoting first breaks, line and cell, for the message: Commons
 * CSV tells the line a broken record starts on but not the cell. The file is read again from the
 * start, only once the parser has failed, by the rules Commons CSV follows with the format
 * {@link DelimitedRecordReader} sets: a quote opens a quoted cell only as the cell's first
 * character, a doubled quote inside stands for one, and after the closing quote only white space
 * may come before the delimiter or the end of the line. Lines are counted at {@code \n}, as
 * {@link LocatingReader} counts them.
 */
final class BrokenQuote {

    static final String UNCLOSED = "a quoted field opens here and is never closed (a missing \")";
    static final String STRAY = "unexpected character after a closing quote (expected a delimiter or the end of the line)";

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, CLOSED }

    private BrokenQuote() {
    }

    /** The first quoting error in the file, with the line and cell where the quoted cell opens or the stray character stands. */
    static Optional<CorpusFormatException> find(Path file, Charset charset, char delimiter) {
        try (BufferedReader in = new BufferedReader(RecordReaders.text(file, charset), 1 << 16)) {
            long line = 1;
            long cell = 1;
            long openLine = 0;
            long openCell = 0;
            State state = State.CELL_START;
            for (int c; (c = in.read()) >= 0; ) {
                if (state == State.QUOTE_IN_QUOTED) {
                    if (c == '"') {
                        state = State.QUOTED;
                        continue;
                    }
                    // The quote closed the cell; this character is the first after it.
                    state = State.CLOSED;
                }
                if (state == State.QUOTED) {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else if (c == '\n') {
                        line++;
                    }
                } else if (c == delimiter) {
                    cell++;
                    state = State.CELL_START;
                } else if (c == '\n' || c == '\r') {
                    line += c == '\n' ? 1 : 0;
                    cell = 1;
                    state = State.CELL_START;
                } else if (state == State.CLOSED) {
                    if (!Character.isWhitespace(c)) {
                        return Optional.of(new CorpusFormatException(file, line, cell, STRAY));
                    }
                } else if (state == State.CELL_START && c == '"') {
                    state = State.QUOTED;
                    openLine = line;
                    openCell = cell;
                } else {
                    state = State.UNQUOTED;
                }
            }
            return state == State.QUOTED ? Optional.of(new CorpusFormatException(file, openLine, openCell, UNCLOSED))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
