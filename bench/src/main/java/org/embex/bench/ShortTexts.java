package org.embex.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** As many distinct short texts as a benchmark needs, made from real sentences with ordinary endings. */
final class ShortTexts {

    private static final String[] VARIANTS = {"", " Please help.", " Thanks!", " Any idea?", " It is urgent.",
        " Just wondering.", " Sorry to ask.", " Again.", " Today.", " Why?"};

    private ShortTexts() {
    }

    static List<String> of(List<String> sentences, int count) {
        Set<String> texts = new LinkedHashSet<>();
        for (String variant : VARIANTS) {
            for (String sentence : sentences) {
                if (texts.size() == count) {
                    return List.copyOf(texts);
                }
                texts.add(sentence + variant);
            }
        }
        return List.copyOf(texts);
    }
}
