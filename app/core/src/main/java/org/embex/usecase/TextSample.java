package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Texts drawn at random from a corpus, without repeats, so a measurement sees the corpus's own lengths. */
final class TextSample {

    private TextSample() {
    }

    static List<String> of(List<String> texts, int count, long seed) {
        List<String> sample = new ArrayList<>();
        new SplittableRandom(seed).ints(0, texts.size()).distinct().limit(Math.min(count, texts.size())).forEach(row -> sample.add(texts.get(row)));
        return sample;
    }
}
