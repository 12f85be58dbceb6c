package org.embex.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LabelScoresTest {

    @Test
    void accuracyMacroF1AndConfusionOfAWorkedExample() {
        // gold a a b b c, predicted a b b b a:
        // a: tp 1 fp 1 fn 1 -> F1 0.5; b: tp 2 fp 1 fn 0 -> 0.8; c: tp 0 -> 0; macro (0.5+0.8+0)/3
        var result = LabelScores.of(List.of("a", "a", "b", "b", "c"), List.of("a", "b", "b", "b", "a"));
        assertThat(result.accuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(result.macroF1()).isCloseTo(1.3 / 3, within(1e-9));
        assertThat(result.confusion()).isEqualTo(Map.of("a", Map.of("a", 1, "b", 1), "b", Map.of("b", 2), "c", Map.of("a", 1)));
    }
}
