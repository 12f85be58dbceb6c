package org.embex.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RocCurveTest {

    /** Positives 0.9 and 0.8, negatives 0.8 and 0.3: one tie across the classes. */
    private static final RocCurve SMALL = RocCurve.of(new double[] {0.9, 0.8, 0.8, 0.3}, new boolean[] {true, false, true, false});

    @Test
    void onePointPerDistinctScore() {
        assertThat(SMALL.points()).isEqualTo(3);
        assertThat(SMALL.threshold(0)).isEqualTo(0.9);
        assertThat(SMALL.confusion(1)).isEqualTo(new Confusion(0.8, 2, 1, 1, 0));
        assertThat(SMALL.tpr(2)).isEqualTo(1.0);
        assertThat(SMALL.fpr(2)).isEqualTo(1.0);
    }

    @Test
    void aucCountsATieAsOneHalf() {
        // pairs (0.9,0.8) (0.9,0.3) (0.8,0.3) won, (0.8,0.8) tied: 3.5 of 4
        assertThat(SMALL.auc()).isEqualTo(0.875);
    }

    @Test
    void averagePrecisionIsTheStepwiseArea() {
        // recall 0.5 at precision 1, then recall 1 at precision 2/3
        assertThat(SMALL.averagePrecision()).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-12));
    }

    @Test
    void operatingPointsOfTheWorkedExample() {
        assertThat(SMALL.youden().threshold()).isEqualTo(0.9);
        assertThat(SMALL.bestF1().threshold()).isEqualTo(0.8);
        assertThat(SMALL.bestF1().confusion().f1()).isEqualTo(0.8);
        assertThat(SMALL.atTpr(0.95).threshold()).isEqualTo(0.8);
        assertThat(SMALL.atTpr(0.5).threshold()).isEqualTo(0.9);
        assertThat(SMALL.atFpr(0.4).threshold()).isEqualTo(0.9);
        assertThat(SMALL.atFpr(0.5).threshold()).isEqualTo(0.8);
    }

    @Test
    void fprTargetBelowEveryPointAcceptsNothing() {
        RocCurve curve = RocCurve.of(new double[] {0.9, 0.5}, new boolean[] {false, true});
        Confusion none = curve.atFpr(0.1).confusion();
        assertThat(none.truePositives() + none.falsePositives()).isZero();
        assertThat(none.threshold()).isGreaterThan(0.9);
    }

    @Test
    void confusionAtAnyThreshold() {
        assertThat(SMALL.at(0.85)).isEqualTo(new Confusion(0.85, 1, 0, 2, 1));
        assertThat(SMALL.at(0.8)).isEqualTo(new Confusion(0.8, 2, 1, 1, 0));
        assertThat(SMALL.at(0.0).accuracy()).isEqualTo(0.5);
        assertThat(SMALL.at(1.0).precision()).isEqualTo(1.0);
    }

    @Test
    void reversedScoresGiveOneMinusTheArea() {
        Random random = new Random(5);
        double[] scores = new double[2000];
        boolean[] positive = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = random.nextBoolean();
            scores[i] = Math.round((random.nextGaussian() + (positive[i] ? 0.7 : 0)) * 20) / 20.0;
        }
        double[] reversed = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            reversed[i] = -scores[i];
        }
        double auc = RocCurve.of(scores, positive).auc();
        assertThat(auc).isBetween(0.6, 0.8);
        assertThat(RocCurve.of(reversed, positive).auc()).isCloseTo(1 - auc, within(1e-12));
    }

    @Test
    void aucEqualsThePairwiseProbability() {
        Random random = new Random(6);
        double[] scores = new double[300];
        boolean[] positive = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = random.nextInt(3) == 0;
            scores[i] = random.nextInt(10);
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (positive[i] && !positive[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(RocCurve.of(scores, positive).auc()).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void histogramCountsEveryScoreOnce() {
        ScoreHistogram histogram = SMALL.histogram(3);
        assertThat(histogram.edges()).containsExactly(new double[] {0.3, 0.5, 0.7, 0.9}, within(1e-12));
        assertThat(histogram.positives()).containsExactly(0, 0, 2);
        assertThat(histogram.negatives()).containsExactly(1, 0, 1);
    }
}
