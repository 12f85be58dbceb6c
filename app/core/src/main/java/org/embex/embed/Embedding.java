package org.embex.embed;

/**
 * A text's vector and what the tokenizer noticed on the way.
 *
 * @param vector       L2-normalised, as long as the model's dims
 * @param tokens       tokens the model saw, special tokens included
 * @param truncated    whether the text was longer than the model reads
 * @param unknownShare share of the text's tokens the model could not read (see {@link TokenizedText})
 */
public record Embedding(float[] vector, int tokens, boolean truncated, double unknownShare) {
}
