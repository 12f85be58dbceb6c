package org.embex.corpus;

import java.nio.file.Path;

/**
 * A row left out of a corpus because it broke the reading rule, read with
 * {@link ReadOptions#skipBadRows()}: where it is and why, as the error would have said.
 *
 * @param file   the corpus file, or for a folder the text file in it
 * @param column 1-based, as {@link CorpusFormatException#column()} counts
 */
public record SkippedRow(Path file, long line, long column, String reason) {

    static SkippedRow of(CorpusFormatException problem) {
        return new SkippedRow(problem.file(), problem.line(), problem.column(), problem.detail());
    }

    /** Where and why, for people; a file of a folder is named inside {@code source}. */
    public String describe(Path source) {
        String where = "line " + line + (column > 0 ? ", column " + column : "") + ": " + reason;
        return file.equals(source) ? where : source.relativize(file) + ": " + where;
    }
}
