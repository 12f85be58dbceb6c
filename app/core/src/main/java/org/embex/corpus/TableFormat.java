package org.embex.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.embex.BadInputException;

/** The text formats embex reads, told apart by file extension. */
public enum TableFormat {
    CSV,
    TSV,
    JSONL,
    TXT;

    public static TableFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".txt") || Files.isRegularFile(file) && !name.contains(".")) {
            return TXT;
        }
        throw new BadInputException(file + ": unknown format; expected .csv, .tsv, .jsonl or .txt");
    }
}
