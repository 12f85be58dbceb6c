package org.embex.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

import org.embex.corpus.ColumnChoice;

/** Which columns of the input file to read. */
final class ColumnOptions {

    @Option(names = "--text", paramLabel = "COL",
            description = "Text column, by name or 1-based position; repeat to join several (default: text, else the first).")
    List<String> text = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COL", description = "Label column (default: label, if present).")
    String label;

    @Option(names = "--id", paramLabel = "COL", description = "Id column (default: id, else the line number).")
    String id;

    @Option(names = "--no-header", description = "The file's first line is data, not column names.")
    boolean noHeader;

    ColumnChoice choice() {
        return new ColumnChoice(text, Optional.ofNullable(label), Optional.ofNullable(id));
    }
}
