package org.embex.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class PairsAboveTest {

    private static final int DIMS = 48;
    private static final double THRESHOLD = 0.9;
    private static final long LIMIT = 1_000_000;

    /** Rows in tight groups of near-copies of 300 originals (1 to 12 copies each), as a corpus full of rewordings is. */
    private static VectorMatrix nearCopies(long seed) {
        Random random = new Random(seed);
        List<float[]> rows = new ArrayList<>();
        for (int original = 0; original < 300; original++) {
            float[] centre = new float[DIMS];
            for (int j = 0; j < DIMS; j++) {
                centre[j] = (float) random.nextGaussian();
            }
            int copies = 1 + random.nextInt(12);
            for (int c = 0; c < copies; c++) {
                float[] row = new float[DIMS];
                for (int j = 0; j < DIMS; j++) {
                    row[j] = centre[j] + (float) (random.nextGaussian() * 0.35);
                }
                rows.add(row);
            }
        }
        return VectorMatrix.of(rows, DIMS);
    }

    /** The brute-force answer: every pair scored one at a time. */
    private static Set<Long> bruteForce(VectorMatrix data, double threshold) {
        Set<Long> pairs = new HashSet<>();
        for (int i = 0; i < data.rows(); i++) {
            for (int j = i + 1; j < data.rows(); j++) {
                if (Metric.cosine(data.row(i), data.row(j)) >= threshold) {
                    pairs.add(SimilarPairs.key(i, j));
                }
            }
        }
        return pairs;
    }

    private static Set<Long> keys(SimilarPairs pairs) {
        Set<Long> keys = new HashSet<>();
        for (int p = 0; p < pairs.size(); p++) {
            assertThat(pairs.first()[p]).isLessThan(pairs.second()[p]);
            keys.add(SimilarPairs.key(pairs.first()[p], pairs.second()[p]));
        }
        return keys;
    }

    @Test
    void scoringEveryPairFindsExactlyTheBruteForcePairs() {
        VectorMatrix data = nearCopies(1);
        Set<Long> expected = bruteForce(data, THRESHOLD);

        SimilarPairs found = PairsAbove.exact(data, THRESHOLD, LIMIT, ProgressListener.NONE);

        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(keys(found)).isEqualTo(expected);
        for (int p = 0; p < found.size(); p++) {
            assertThat((double) found.scores()[p]).isCloseTo(Metric.cosine(data.row(found.first()[p]), data.row(found.second()[p])),
                    within(1e-5));
            assertThat(found.contains(found.second()[p], found.first()[p])).isTrue();
        }
        assertThat(found.contains(0, data.rows() - 1)).isEqualTo(expected.contains(SimilarPairs.key(0, data.rows() - 1)));
    }

    @Test
    void aPairExactlyAtTheThresholdCountsAndMorePairsThanTheLimitStop() {
        VectorMatrix data = VectorMatrix.of(List.of(new float[] {1, 0}, new float[] {0.6f, 0.8f}, new float[] {0, 1}), 2);
        double atFirstPair = data.cosine(0, 1);

        SimilarPairs pairs = PairsAbove.exact(data, atFirstPair, LIMIT, ProgressListener.NONE);

        assertThat(pairs.size()).as("(0,1) at the threshold and (1,2) above it").isEqualTo(2);
        assertThat(pairs.contains(0, 1)).isTrue();
        assertThat(pairs.contains(0, 2)).isFalse();
        VectorMatrix many = nearCopies(4);
        GraphIndex index = GraphIndex.build(many, Metric.COSINE, 7, ProgressListener.NONE);
        assertThatThrownBy(() -> PairsAbove.exact(many, 0.5, 100, ProgressListener.NONE))
                .isInstanceOf(PairsAbove.TooMany.class);
        assertThatThrownBy(() -> PairsAbove.viaGraph(many, index, 0.5, 100, ProgressListener.NONE))
                .isInstanceOf(PairsAbove.TooMany.class);
    }

    @Test
    void theGraphFindsAlmostEveryPairAndNoPairBelowTheThreshold() {
        VectorMatrix data = nearCopies(2);
        Set<Long> expected = bruteForce(data, THRESHOLD);
        GraphIndex index = GraphIndex.build(data, Metric.COSINE, 7, ProgressListener.NONE);

        Set<Long> found = keys(PairsAbove.viaGraph(data, index, THRESHOLD, LIMIT, ProgressListener.NONE));

        assertThat(expected).containsAll(found);
        assertThat((double) found.size() / expected.size()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void aGroupLargerThanTheFirstAskIsFoundWholeThroughTheGraph() {
        Random random = new Random(3);
        List<float[]> rows = new ArrayList<>();
        float[] centre = new float[DIMS];
        for (int j = 0; j < DIMS; j++) {
            centre[j] = (float) random.nextGaussian();
        }
        for (int i = 0; i < 2000; i++) {
            float[] row = new float[DIMS];
            boolean copy = i % 25 == 0;  // 80 copies of one text among 1,920 others
            for (int j = 0; j < DIMS; j++) {
                row[j] = copy ? centre[j] + (float) (random.nextGaussian() * 0.05) : (float) random.nextGaussian();
            }
            rows.add(row);
        }
        VectorMatrix data = VectorMatrix.of(rows, DIMS);
        GraphIndex index = GraphIndex.build(data, Metric.COSINE, 7, ProgressListener.NONE);

        Set<Long> found = keys(PairsAbove.viaGraph(data, index, THRESHOLD, LIMIT, ProgressListener.NONE));

        assertThat(found).isEqualTo(bruteForce(data, THRESHOLD)).hasSize(80 * 79 / 2);
    }
}
