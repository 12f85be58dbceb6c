package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;

import org.embex.vectorfile.ImportedVectors;
import org.embex.vectorfile.VectorSource;

import org.embex.embed.Embedding;
import org.embex.model.ModelDescriptor;

/**
 * What a user should know about how a model read a corpus: the share of tokens it did not know
 * (MiniLM turns Chinese into [UNK]s, DESIGN.md), the texts it could mostly not read, and the texts
 * it cut at its length limit. The window's banner and the commands' warnings say the same.
 *
 * @param unknownShare share of all the corpus's tokens that the tokenizer did not know
 * @param unreadable   texts of which more than {@link #UNREADABLE_TEXT} of the tokens are unknown
 * @param vectorNote   what to know about vectors a file brought (their lengths), empty for a model's
 */
public record EmbedDiagnostics(String model, String language, int maxTokens, int texts, double unknownShare,
                               int unreadable, int truncated, String vectorNote) {

    /** How the unknown-token warning ends when no better model can be named ({@link ModelChoice#warnings} names one). */
    static final String TRY_ANOTHER = "try a model made for this language.";

    /** Above this share of unknown tokens the map says more about the tokenizer than the texts. */
    public static final double UNKNOWN_WARNING = 0.05;

    /** A text with more unknown tokens than this is mostly guessed at: its score means little. */
    public static final double UNREADABLE_TEXT = 0.2;

    public static EmbedDiagnostics of(ModelDescriptor model, List<Embedding> embeddings) {
        long tokens = 0;
        double unknown = 0;
        int unreadable = 0;
        int truncated = 0;
        for (Embedding embedding : embeddings) {
            tokens += embedding.tokens();
            unknown += embedding.unknownShare() * embedding.tokens();
            unreadable += embedding.unknownShare() > UNREADABLE_TEXT ? 1 : 0;
            truncated += embedding.truncated() ? 1 : 0;
        }
        return new EmbedDiagnostics(model.id(), model.language(), model.maxTokens(), embeddings.size(),
                tokens == 0 ? 0 : unknown / tokens, unreadable, truncated, "");
    }

    /** Vectors from a file were read, not embedded: no tokens to speak of, only their lengths. */
    public static EmbedDiagnostics imported(ImportedVectors vectors) {
        return new EmbedDiagnostics(vectors.name(), "", 0, vectors.matrix().rows(), 0, 0, 0,
                vectors.norms().note(vectors.name(), VectorSource.parse(vectors.name()).unit()));
    }

    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (unknownShare >= UNKNOWN_WARNING) {
            warnings.add(String.format("%s does not know %.0f%% of this corpus's tokens (it reads '%s'; %,d of %,d texts are "
                    + "mostly unknown to it): " + TRY_ANOTHER, model, 100 * unknownShare, language,
                    unreadable, texts));
        }
        if (truncated > 0) {
            warnings.add(String.format("%s cut %,d of %,d texts at its limit of %d tokens: their ends are not in the vectors.",
                    model, truncated, texts, maxTokens));
        }
        if (!vectorNote.isEmpty()) {
            warnings.add(vectorNote + ".");
        }
        return warnings;
    }
}
