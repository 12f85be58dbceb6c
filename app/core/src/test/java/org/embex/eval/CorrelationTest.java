package org.embex.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void pearsonOfAWorkedExample() {
        // means 2 and 4; deviations (-1,0,1) and (-2,-2,4): sxy = 6, sxx = 2, syy = 24
        double[] x = {1, 2, 3};
        double[] y = {2, 2, 8};
        assertThat(Correlation.pearson(x, y)).isCloseTo(6 / Math.sqrt(2 * 24), within(1e-12));
    }

    @Test
    void pearsonOfPerfectlyOpposedSamplesIsMinusOne() {
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void tiedValuesShareTheirAverageRank() {
        assertThat(Correlation.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
    }

    @Test
    void spearmanIgnoresMonotoneTransforms() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 8, 27, 64, 125};
        assertThat(Correlation.spearman(x, y)).isCloseTo(1, within(1e-12));
    }

    @Test
    void spearmanWithTiesWorkedByHand() {
        // ranks x: 1, 2.5, 2.5, 4; ranks y: 1, 2, 3, 4 -> pearson of the ranks
        double[] x = {1, 2, 2, 3};
        double[] y = {10, 20, 30, 40};
        double expected = Correlation.pearson(new double[] {1, 2.5, 2.5, 4}, new double[] {1, 2, 3, 4});
        assertThat(expected).isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
        assertThat(Correlation.spearman(x, y)).isCloseTo(expected, within(1e-12));
    }
}
