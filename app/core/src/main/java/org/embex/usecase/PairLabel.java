package org.embex.usecase;

import java.util.Locale;
import java.util.Set;

import org.embex.corpus.CorpusFormatException;

/**
 * A labelled pair's yes/no, read the same by {@code eval pairs} and the threshold workbench:
 * 1/0 (also 1.0/0.0), true/false, yes/no, y/n, positive/negative, pos/neg, any case.
 */
public final class PairLabel {

    private static final Set<String> YES = Set.of("1", "true", "yes", "y", "positive", "pos");
    private static final Set<String> NO = Set.of("0", "false", "no", "n", "negative", "neg");

    private PairLabel() {
    }

    /** Every row's label; a cell that is none of the accepted spellings stops with its file, line and column. */
    public static boolean[] of(PairColumns.Pairs pairs) {
        boolean[] positive = new boolean[pairs.size()];
        for (int i = 0; i < positive.length; i++) {
            PairColumns.Pair pair = pairs.rows().get(i);
            positive[i] = parse(pair.third()).orElseThrow(() -> new CorpusFormatException(pairs.file(), pair.line(),
                    pairs.thirdColumn(), "label '" + pair.third() + "' is not one of 1/0, true/false, yes/no, positive/negative"));
        }
        return positive;
    }

    /** The label's meaning, or empty when it is not one of the accepted spellings. */
    static java.util.Optional<Boolean> parse(String cell) {
        String value = cell.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(value) || NO.contains(value)) {
            return java.util.Optional.of(YES.contains(value));
        }
        try {
            double number = Double.parseDouble(value);
            if (number == 1.0 || number == 0.0) {
                return java.util.Optional.of(number == 1.0);
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to "not a label".
        }
        return java.util.Optional.empty();
    }
}
