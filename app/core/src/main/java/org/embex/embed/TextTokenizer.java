package org.embex.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import org.embex.EmbexException;

/**
 * A HuggingFace {@code tokenizer.json} run through DJL's bindings, set to the model's own cut:
 * the cut written in some tokenizer files (128 for all-MiniLM-L6-v2's) is replaced by the
 * model's documented maximum. No padding here; batches are padded where they are built.
 */
public final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final String unknownToken;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, String unknownToken) {
        this.tokenizer = tokenizer;
        this.unknownToken = unknownToken;
    }

    public static TextTokenizer open(Path tokenizerJson, int maxTokens, String unknownToken) {
        DjlOffline.ensure();
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optPadding(false)
                    .optTruncation(true)
                    .optMaxLength(maxTokens)
                    .build();
            return new TextTokenizer(tokenizer, unknownToken);
        } catch (IOException | RuntimeException e) {
            throw new EmbexException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    public TokenizedText tokenize(String text) {
        return toTokenized(tokenizer.encode(text));
    }

    /** Tokenizes many texts at once; the native side spreads them over the cores. */
    public List<TokenizedText> tokenizeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        List<TokenizedText> result = new ArrayList<>(encodings.length);
        for (Encoding encoding : encodings) {
            result.add(toTokenized(encoding));
        }
        return result;
    }

    private TokenizedText toTokenized(Encoding encoding) {
        String[] tokens = encoding.getTokens();
        long[] special = encoding.getSpecialTokenMask();
        int own = 0;
        int unknown = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (special[i] == 0) {
                own++;
                if (unknownToken.equals(tokens[i])) {
                    unknown++;
                }
            }
        }
        double share = own == 0 ? 0.0 : (double) unknown / own;
        return new TokenizedText(encoding.getIds(), encoding.getTypeIds(), encoding.exceedMaxLength(), share);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
