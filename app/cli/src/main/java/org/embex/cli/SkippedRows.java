package org.embex.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.embex.corpus.Corpus;
import org.embex.corpus.SkippedRow;

/** The rows a corpus command skipped: all of them in its JSON, the first few in one warning line. */
final class SkippedRows {

    /** How many skipped rows the warning spells out; the JSON lists every one. */
    private static final int SHOWN = 3;

    private SkippedRows() {
    }

    /** Adds {@code skipped_rows} (how many) and {@code skipped} (each with file, line, column and reason). */
    static void put(Map<String, Object> result, Corpus corpus) {
        result.put("skipped_rows", corpus.skipped().size());
        result.put("skipped", corpus.skipped().stream().map(SkippedRows::json).toList());
    }

    private static Map<String, Object> json(SkippedRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", row.file().toString());
        json.put("line", row.line());
        json.put("column", row.column());
        json.put("reason", row.reason());
        return json;
    }

    /** One line on stderr when rows were skipped, in text mode (the JSON carries them otherwise). */
    static void warn(OutputOptions output, Corpus corpus) {
        if (output.json) {
            return;
        }
        corpus.skippedSummary(SHOWN).ifPresent(summary -> output.err().println("warning: " + summary
                + (corpus.skipped().size() > SHOWN ? " (--json lists them all)" : "")));
    }
}
