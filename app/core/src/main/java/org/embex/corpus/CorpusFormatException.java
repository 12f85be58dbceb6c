package org.embex.corpus;

import java.nio.file.Path;

import org.embex.BadInputException;

/**
 * A file that cannot be read as the format it claims, with where: file, line and (when known)
 * column, both 1-based, and what was expected there.
 */
public class CorpusFormatException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final long column;
    private final String detail;

    public CorpusFormatException(Path file, long line, long column, String detail) {
        super(file + ": line " + line + (column > 0 ? ", column " + column : "") + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    /**
     * 1-based, 0 when the format does not tell. In a CSV or TSV row it is the cell's position,
     * counted as {@code --text 2} counts columns; in JSONL the character where the value in
     * question starts on its line; for a byte that is not in the file's encoding, the character
     * where it stands.
     */
    public long column() {
        return column;
    }

    /** What is wrong, without the file and position. */
    public String detail() {
        return detail;
    }
}
