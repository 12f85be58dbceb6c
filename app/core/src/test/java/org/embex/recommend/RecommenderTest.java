package org.embex.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class RecommenderTest {

    private static final int DIMS = 32;

    /** Rows around 20 topics, labelled by topic; {@code spread} says how loosely. */
    private static VectorMatrix topics(List<String> labels, double spread, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[20][DIMS];
        for (float[] centre : centres) {
            for (int j = 0; j < DIMS; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            int topic = random.nextInt(centres.length);
            float[] row = new float[DIMS];
            for (int j = 0; j < DIMS; j++) {
                row[j] = centres[topic][j] + (float) (random.nextGaussian() * spread);
            }
            rows.add(row);
            labels.add("topic-" + topic);
        }
        return VectorMatrix.of(rows, DIMS);
    }

    @Test
    void likedRowsNeverComeBackAndEachRecommendationNamesTheClosestLikedRow() {
        VectorMatrix data = topics(new ArrayList<>(), 0.8, 1);
        int[] liked = {5, 17, 400, 401, 999};

        List<Recommendation> found = Recommender.recommend(data, liked, null, 50);

        assertThat(found).hasSize(50);
        Set<Integer> likedSet = new HashSet<>();
        Arrays.stream(liked).forEach(likedSet::add);
        for (int r = 0; r < found.size(); r++) {
            Recommendation recommendation = found.get(r);
            assertThat(likedSet).doesNotContain(recommendation.row());
            assertThat(likedSet).contains(recommendation.because());
            for (int source : liked) {
                assertThat(Metric.cosine(data.row(recommendation.row()), data.row(source)))
                        .isLessThanOrEqualTo(recommendation.becauseScore() + 1e-6);
            }
            if (r > 0) {
                assertThat(recommendation.score()).isLessThanOrEqualTo(found.get(r - 1).score());
            }
        }
    }

    @Test
    void aWeightPullsTheProfileTowardsItsRow() {
        VectorMatrix data = topics(new ArrayList<>(), 0.8, 2);
        int[] liked = {0, 1};

        float[] even = Recommender.profile(data, liked, null);
        float[] leaning = Recommender.profile(data, liked, new double[] {1, 9});

        assertThat(Metric.cosine(leaning, data.row(1))).isGreaterThan(Metric.cosine(even, data.row(1)));
        assertThat(Recommender.recommend(data, liked, new double[] {0, 1}, 1).get(0).row())
                .isEqualTo(Recommender.recommend(data, new int[] {1, 0}, new double[] {1, 0}, 1).get(0).row());
    }

    @Test
    void theDrawsHoldOutEachRowOfASmallLabelOnceAndRepeatForTheSameSeed() {
        List<String> labels = new ArrayList<>(List.of("a", "a", "a", "a", "a", "a", "b", "b", "b", "b", ""));

        List<RecommendationEvaluation.Draw> draws = RecommendationEvaluation.draws(labels, 7);

        // "b" has 4 rows, fewer than 5: left out. "a" has 6: each held out once, with 3 other "a" rows liked.
        assertThat(draws).hasSize(6);
        assertThat(draws.stream().map(RecommendationEvaluation.Draw::heldOut)).containsExactly(0, 1, 2, 3, 4, 5);
        for (RecommendationEvaluation.Draw draw : draws) {
            assertThat(draw.liked()).hasSize(3).doesNotContain(draw.heldOut());
            assertThat(Arrays.stream(draw.liked()).allMatch(row -> row < 6)).isTrue();
            assertThat(Arrays.stream(draw.liked()).distinct().count()).isEqualTo(3);
        }
        assertThat(RecommendationEvaluation.draws(labels, 7)).usingRecursiveFieldByFieldElementComparator().isEqualTo(draws);
    }

    @Test
    void onTopicalRowsTheProfileBeatsBothBaselines() {
        List<String> labels = new ArrayList<>();
        VectorMatrix data = topics(labels, 1.6, 3);

        RecommendationEvaluation.Report report = RecommendationEvaluation.run(data, labels, 42, ProgressListener.NONE);

        assertThat(report.labels()).isEqualTo(20);
        assertThat(report.draws()).as("each topic has about 60 rows, each held out once").isEqualTo(1200);
        assertThat(report.random().hitRate()).isEqualTo(10.0 / (1200 - 3));
        assertThat(report.profile().hitRate()).isGreaterThan(report.nearestToOne().hitRate());
        assertThat(report.nearestToOne().hitRate()).isGreaterThan(report.random().hitRate());
        assertThat(report.profile().ndcg()).isGreaterThan(report.nearestToOne().ndcg());
        assertThat(report.random().ndcg()).isLessThan(report.random().hitRate());
    }
}
