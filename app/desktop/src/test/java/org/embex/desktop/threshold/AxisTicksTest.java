package org.embex.desktop.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void roundStepsInsideTheRangeWithTheDecimalsTheStepNeeds() {
        AxisTicks scores = AxisTicks.between(0.093, 0.814, 8);
        assertThat(scores.values().get(0)).isCloseTo(0.1, within(1e-12));
        assertThat(scores.values().stream().map(scores::label).toList()).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8");
        AxisTicks fewer = AxisTicks.between(0.093, 0.814, 4);
        assertThat(fewer.values().stream().map(fewer::label).toList()).containsExactly("0.2", "0.4", "0.6", "0.8");
    }

    @Test
    void wholeNumbersHaveNoDecimalsAndTheEndsAreMarkedWhenRound() {
        AxisTicks percent = AxisTicks.between(0, 23, 5);
        assertThat(percent.values().stream().map(percent::label).toList()).containsExactly("0", "5", "10", "15", "20");
        AxisTicks unit = AxisTicks.between(0, 1, 5);
        assertThat(unit.values().stream().map(unit::label).toList()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    }
}
