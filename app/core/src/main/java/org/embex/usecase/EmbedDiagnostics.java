package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;

import org.embex.embed.Embedding;

/**
 * What a user should know about how a model read a corpus: the share of tokens it did not know
 * (MiniLM turns Chinese into [UNK]s, DESIGN.md) and how many texts it cut.
 */
public record EmbedDiagnostics(String model, int texts, double unknownShare, int truncated) {

    /** Above this share of unknown tokens the map says more about the tokenizer than the texts. */
    public static final double UNKNOWN_WARNING = 0.05;

    public static EmbedDiagnostics of(String model, List<Embedding> embeddings) {
        long tokens = 0;
        double unknown = 0;
        int truncated = 0;
        for (Embedding embedding : embeddings) {
            tokens += embedding.tokens();
            unknown += embedding.unknownShare() * embedding.tokens();
            if (embedding.truncated()) {
                truncated++;
            }
        }
        return new EmbedDiagnostics(model, embeddings.size(), tokens == 0 ? 0 : unknown / tokens, truncated);
    }

    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (unknownShare >= UNKNOWN_WARNING) {
            warnings.add(String.format("%s does not know %.0f%% of this corpus's tokens: it may not read its language. "
                    + "Try a model made for it.", model, 100 * unknownShare));
        }
        if (truncated > 0) {
            warnings.add(String.format("%s cut %,d of %,d texts at its length limit: their ends are not in the map.",
                    model, truncated, texts));
        }
        return warnings;
    }
}
