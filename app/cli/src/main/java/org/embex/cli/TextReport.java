package org.embex.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.embex.embed.Embedding;
import org.embex.model.ModelDescriptor;
import org.embex.usecase.EmbedDiagnostics;

/** What the tokenizer noticed about one text, as JSON fields and as warnings for people. */
final class TextReport {

    private TextReport() {
    }

    static Map<String, Object> of(String text, Embedding embedding) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("text", text);
        report.put("tokens", embedding.tokens());
        report.put("truncated", embedding.truncated());
        report.put("unknown_token_share", embedding.unknownShare());
        return report;
    }

    /** Warnings about one text, by the rule the corpus warnings use ({@link EmbedDiagnostics#UNREADABLE_TEXT}). */
    static void warn(PrintWriter err, String name, Embedding embedding, ModelDescriptor model) {
        if (embedding.unknownShare() > EmbedDiagnostics.UNREADABLE_TEXT) {
            err.printf("warning: %s cannot read %.0f%% of text %s's tokens (unknown to its tokenizer, language '%s'); "
                    + "its score means little%n", model.id(), 100 * embedding.unknownShare(), name, model.language());
        }
        if (embedding.truncated()) {
            err.printf("warning: text %s is longer than %s reads; it was cut at %d tokens%n", name, model.id(),
                    model.maxTokens());
        }
    }
}
