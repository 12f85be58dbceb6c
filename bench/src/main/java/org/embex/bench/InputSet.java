package org.embex.bench;

import java.util.ArrayList;
import java.util.List;

import org.embex.embed.TextTokenizer;
import org.embex.embed.TokenizedText;

/**
 * One set of texts every contestant embeds, with its length in the model's own tokens.
 *
 * @param name       what the texts are, for people
 * @param source     the file they were drawn from
 * @param texts      the texts, in a fixed order
 * @param meanTokens mean tokens per text, special tokens included, as embex's tokenizer counts
 */
record InputSet(String name, String source, List<String> texts, double meanTokens) {

    /**
     * Up to {@code count} distinct sentences spread evenly over the source: STS-B is grouped by
     * genre, and its first sentences (short video captions) alone would be shorter than typical.
     */
    static InputSet sentences(String name, SentenceSource source, int count, TextTokenizer tokenizer) {
        List<String> sentences = source.sentences();
        int taken = Math.min(count, sentences.size());
        List<String> texts = new ArrayList<>(taken);
        for (int i = 0; i < taken; i++) {
            texts.add(sentences.get(spread(i, taken, sentences.size())));
        }
        return measured(name, source, texts, tokenizer);
    }

    /**
     * Consecutive sentences joined until the tokenizer counts at least {@code minTokens}: prose of
     * the length of a user's documents or support tickets rather than one sentence repeated. The
     * paragraphs start at points spread over the source, for the same reason as the sentences.
     */
    static InputSet paragraphs(String name, SentenceSource source, int count, int minTokens,
                               TextTokenizer tokenizer) {
        List<String> sentences = source.sentences();
        List<String> texts = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            int next = spread(p, count, sentences.size());
            StringBuilder paragraph = new StringBuilder(sentences.get(next));
            TokenizedText tokens = tokenizer.tokenize(paragraph.toString());
            // A model cut below minTokens would never get there.
            while (tokens.length() < minTokens && !tokens.truncated()) {
                next = (next + 1) % sentences.size();
                paragraph.append(' ').append(sentences.get(next));
                tokens = tokenizer.tokenize(paragraph.toString());
            }
            texts.add(paragraph.toString());
        }
        return measured(name, source, texts, tokenizer);
    }

    /** Where the {@code i}-th of {@code count} picks falls among {@code size} items, evenly spaced. */
    private static int spread(int i, int count, int size) {
        return (int) ((long) i * size / count);
    }

    private static InputSet measured(String name, SentenceSource source, List<String> texts, TextTokenizer tokenizer) {
        double mean = tokenizer.tokenizeAll(texts).stream().mapToInt(TokenizedText::length).average().orElse(0);
        return new InputSet(name, source.location().toString(), List.copyOf(texts), mean);
    }

    /** The first {@code count} texts: the subset a contestant warms up on. */
    List<String> head(int count) {
        return texts.subList(0, Math.min(count, texts.size()));
    }
}
