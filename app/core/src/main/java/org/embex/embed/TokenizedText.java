package org.embex.embed;

/**
 * One text as the model will see it: token ids with the special tokens, cut at the model's
 * maximum.
 *
 * @param ids          token ids, [CLS] and [SEP] included
 * @param typeIds      segment ids, all zero for a single text
 * @param truncated    whether tokens were cut off at the model's maximum
 * @param unknownShare share of the text's own tokens (special tokens excluded) that the
 *                     tokenizer could only map to its unknown token; 0 for an empty text
 */
public record TokenizedText(long[] ids, long[] typeIds, boolean truncated, double unknownShare) {

    public int length() {
        return ids.length;
    }
}
