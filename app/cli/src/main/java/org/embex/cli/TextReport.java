package org.embex.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.embed.Embedding;
import org.embex.model.ModelDescriptor;

/** What the tokenizer noticed about one text, as JSON fields and as warnings for people. */
final class TextReport {

    /** Above this share of unknown tokens a model is mostly guessing. */
    static final double UNKNOWN_WARNING = 0.2;

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

    static void warn(PrintWriter out, String name, Embedding embedding, ModelDescriptor model) {
        if (embedding.unknownShare() > UNKNOWN_WARNING) {
            out.printf("warning: %s cannot read %.0f%% of text %s's tokens (unknown to its tokenizer, language '%s'); "
                    + "its score means little%n", model.id(), 100 * embedding.unknownShare(), name, model.language());
        }
        if (embedding.truncated()) {
            out.printf("warning: text %s is longer than %s reads; it was cut at %d tokens%n", name, model.id(),
                    model.maxTokens());
        }
    }

    /** Warnings about a whole corpus: texts the model mostly cannot read, texts cut short. */
    static void warnCorpus(PrintWriter out, List<Embedding> embeddings, ModelDescriptor model) {
        long unreadable = embeddings.stream().filter(e -> e.unknownShare() > UNKNOWN_WARNING).count();
        long truncated = embeddings.stream().filter(Embedding::truncated).count();
        if (unreadable > 0) {
            out.printf("warning: %s cannot read most of %d of %d texts (over %.0f%% unknown tokens; it reads '%s')%n",
                    model.id(), unreadable, embeddings.size(), 100 * UNKNOWN_WARNING, model.language());
        }
        if (truncated > 0) {
            out.printf("warning: %d of %d texts were cut at %s's %d tokens%n", truncated, embeddings.size(), model.id(),
                    model.maxTokens());
        }
    }
}
