package org.embex.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PowerTableTest {

    @Test
    void powersMatchMathPowWithinTwoPartsInTenMillion() {
        SplittableRandom random = new SplittableRandom(1);
        for (double exponent : new double[] {0.5, 0.8951, 1.0, 1.7}) {
            PowerTable table = new PowerTable(exponent);
            for (int i = 0; i < 10_000; i++) {
                double x = Math.exp(random.nextDouble(-30, 30));
                assertThat(table.pow(x) / Math.pow(x, exponent)).as("%s^%s", x, exponent).isCloseTo(1, within(2e-7));
            }
        }
    }

    @Test
    void exactAtPowersOfTwo() {
        PowerTable table = new PowerTable(0.75);
        assertThat(table.pow(1)).isEqualTo(1);
        assertThat(table.pow(16)).isCloseTo(8, within(1e-12));
    }
}
