package org.embex.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.corpus.Corpus;
import org.embex.corpus.SkippedRow;

/** The rows a corpus command skipped: all of them in its JSON, the first few in one warning line. */
public final class SkippedRows {

    /** How many skipped rows the warning spells out; the JSON lists every one. */
    private static final int SHOWN = 3;

    private SkippedRows() {
    }

    /** Adds {@code skipped_rows} (how many) and {@code skipped} (each with file, line, column and reason). */
    public static void put(Map<String, Object> result, Corpus... corpora) {
        List<SkippedRow> skipped = Arrays.stream(corpora).flatMap(corpus -> corpus.skipped().stream()).toList();
        result.put("skipped_rows", skipped.size());
        result.put("skipped", skipped.stream().map(SkippedRows::json).toList());
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
    public static void warn(OutputOptions output, Corpus... corpora) {
        if (output.json) {
            return;
        }
        for (Corpus corpus : corpora) {
            warnOne(output, corpus);
        }
    }

    private static void warnOne(OutputOptions output, Corpus corpus) {
        corpus.skippedSummary(SHOWN).ifPresent(summary -> output.err().println("warning: " + summary
                + (corpus.skipped().size() > SHOWN ? " (--json lists them all)" : "")));
    }
}
