package org.embex.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The rows skipped from {@code source} in one line for people, the first {@code shown} with where
     * and why, or empty when none was skipped: what the command line warns and the window shows.
     */
    public static Optional<String> summary(Path source, List<SkippedRow> skipped, int shown) {
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        String first = skipped.stream().limit(shown).map(row -> row.describe(source)).collect(Collectors.joining("; "));
        int more = skipped.size() - Math.min(shown, skipped.size());
        return Optional.of(source + ": skipped " + skipped.size() + " bad row" + (skipped.size() == 1 ? "" : "s") + ": "
                + first + (more > 0 ? "; and " + more + " more" : ""));
    }
}
