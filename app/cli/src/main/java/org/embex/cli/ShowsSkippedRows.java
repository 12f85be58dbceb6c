package org.embex.cli;

/**
 * A command that reports the rows {@code --skip-bad-rows} left out ({@link SkippedRows}). The
 * option is in {@link ColumnOptions}, which every command reading a corpus mixes in; it is refused
 * by a command that is not one of these, so no command skips a row without saying which.
 */
public interface ShowsSkippedRows {
}
