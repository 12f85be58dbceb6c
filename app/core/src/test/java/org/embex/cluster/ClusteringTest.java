package org.embex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClusteringTest {

    /** Three tight blobs of 40 points in 16 dimensions, far apart, and their true labels. */
    private static final List<float[]> BLOBS = new ArrayList<>();
    private static final List<String> TRUTH = new ArrayList<>();

    static {
        Random random = new Random(11);
        for (int blob = 0; blob < 3; blob++) {
            for (int i = 0; i < 40; i++) {
                float[] v = new float[16];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) (random.nextGaussian() * 0.05);
                }
                v[blob * 5] += 1;
                BLOBS.add(v);
                TRUTH.add("blob" + blob);
            }
        }
    }

    @Test
    void kmeansRecoversSeparatedBlobsAndRepeatsWithTheSameSeed() {
        ClusterParams params = ClusterParams.defaults(ClusterMethod.KMEANS).withK(3).withSeed(7);
        int[] first = Clusterer.cluster(BLOBS, params);
        assertThat(ClusterQuality.adjustedRandIndex(TRUTH, first)).isCloseTo(1.0, within(1e-12));
        assertThat(Clusterer.cluster(BLOBS, params)).containsExactly(first);
    }

    @Test
    void kmeansGivesTheSameClustersOnOneCoreAsOnMany() throws Exception {
        ClusterParams params = ClusterParams.defaults(ClusterMethod.KMEANS).withK(5).withSeed(3);
        List<float[]> noisy = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            float[] v = new float[24];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
            }
            noisy.add(v);
        }
        int[] many = Clusterer.cluster(noisy, params);
        int[] one = new java.util.concurrent.ForkJoinPool(1).submit(() -> Clusterer.cluster(noisy, params)).get();
        assertThat(one).containsExactly(many);
        assertThat(Arrays.stream(many).distinct().count()).isEqualTo(5);
    }

    @Test
    void kmeansKeepsIdenticalPointsTogetherWhenKExceedsTheDistinctPoints() {
        List<float[]> twoPoints = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            twoPoints.add(new float[] {i % 2, 1});
        }
        int[] assignments = Clusterer.cluster(twoPoints, ClusterParams.defaults(ClusterMethod.KMEANS).withK(4));
        for (int i = 2; i < 10; i++) {
            assertThat(assignments[i]).isEqualTo(assignments[i % 2]);
        }
        assertThat(assignments[0]).isNotEqualTo(assignments[1]);
    }

    @Test
    void hdbscanFindsTheBlobsAndCallsAStrayPointNoise() {
        List<float[]> points = new ArrayList<>(BLOBS);
        float[] stray = new float[16];
        Arrays.fill(stray, 0.5f);
        points.add(stray);
        int[] assignments = Clusterer.cluster(points, ClusterParams.defaults(ClusterMethod.HDBSCAN).withMinClusterSize(5));
        assertThat(assignments[points.size() - 1]).isEqualTo(Clusterer.NOISE);
        int[] blobs = Arrays.copyOf(assignments, BLOBS.size());
        assertThat(Arrays.stream(blobs).distinct().count()).isEqualTo(3);
        assertThat(ClusterQuality.adjustedRandIndex(TRUTH, blobs)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void silhouetteIsHighForSeparatedBlobsAndLowForRandomAssignments() {
        int[] truth = TRUTH.stream().mapToInt(label -> label.charAt(4) - '0').toArray();
        assertThat(ClusterQuality.silhouette(BLOBS, truth, 1)).isGreaterThan(0.9);
        int[] shuffled = new Random(2).ints(BLOBS.size(), 0, 3).toArray();
        assertThat(ClusterQuality.silhouette(BLOBS, shuffled, 1)).isLessThan(0.1);
    }

    @Test
    void nmiIsOneForAPerfectClusteringUnderAnyNames() {
        int[] renamed = TRUTH.stream().mapToInt(label -> 9 - (label.charAt(4) - '0')).toArray();
        assertThat(ClusterQuality.normalizedMutualInformation(TRUTH, renamed)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void topicWordsSetClustersApartAndChineseIsSegmentedIntoWords() {
        List<String> texts = List.of(
                "My phone bill is too high", "Why is my bill so high this month", "The bill has a wrong charge",
                "No signal at home", "The signal drops every evening", "Weak signal in the office",
                "我想换一个便宜的套餐", "这个套餐太贵了", "有没有更便宜的套餐");
        int[] assignments = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        Map<Integer, List<String>> topics = TopicWords.of(texts, assignments, 3);
        assertThat(topics.get(0)).first().isEqualTo("bill");
        assertThat(topics.get(1)).first().isEqualTo("signal");
        assertThat(topics.get(2)).contains("套餐");
        assertThat(topics.get(0)).doesNotContain("is", "the", "my");
    }
}
