package org.embex.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    /** d2 (relevance 2) and d4 (relevance 1) are relevant; d9 is relevant but never retrieved. */
    private static final Map<String, Integer> JUDGED = Map.of("d2", 2, "d4", 1, "d9", 1, "d5", 0);
    private static final List<String> RANKED = List.of("d1", "d2", "d3", "d4", "d5");

    @Test
    void ndcgWithLinearGainAndLogDiscount() {
        double dcg = 2 / log2(3) + 1 / log2(5);
        double idcg = 2 / log2(2) + 1 / log2(3) + 1 / log2(4);
        assertThat(RankingMetrics.ndcg(RANKED, JUDGED, 10)).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(RankingMetrics.ndcg(RANKED, JUDGED, 1)).isZero();
    }

    @Test
    void recallCountsEveryJudgedRelevantDocument() {
        assertThat(RankingMetrics.recall(RANKED, JUDGED, 10)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(RankingMetrics.recall(RANKED, JUDGED, 2)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void reciprocalRankOfTheFirstHit() {
        assertThat(RankingMetrics.reciprocalRank(RANKED, JUDGED, 10)).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRank(RANKED, JUDGED, 1)).isZero();
    }

    @Test
    void averagePrecisionDividesByAllRelevant() {
        // hits at ranks 2 and 4: (1/2 + 2/4) / 3
        assertThat(RankingMetrics.averagePrecision(RANKED, JUDGED, 100)).isCloseTo(1.0 / 3, within(1e-12));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
