package org.embex.cli;

import picocli.CommandLine.Option;

import org.embex.usecase.PairColumns;

/** The columns of a pairs file: two texts and a third (score or label); read by {@link PairColumns}'s rule. */
final class PairOptions {

    @Option(names = "--left", defaultValue = PairColumns.LEFT, paramLabel = "COL",
            description = "First sentence, by name or 1-based position (default: ${DEFAULT-VALUE}).")
    String left;

    @Option(names = "--right", defaultValue = PairColumns.RIGHT, paramLabel = "COL",
            description = "Second sentence (default: ${DEFAULT-VALUE}).")
    String right;

    @Option(names = "--no-header", description = "The file's first line is data; columns default to positions 1, 2, 3.")
    boolean noHeader;

    /** The columns, with {@code third} naming the score or label column. */
    PairColumns columns(PairColumns defaults, String third) {
        return defaults.named(left, right, third).withHeader(!noHeader);
    }
}
