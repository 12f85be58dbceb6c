package org.embex.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.embex.vectors.VectorMatrix;
import org.junit.jupiter.api.Test;

class TopicTreeTest {

    private static final String[] SHARED = {"bill", "signal", "roaming", "contract"};
    private static final String[] OWN = {"paper", "online", "home", "office", "europe", "asia", "cancel", "renew"};

    /**
     * Eight clusters of 10 rows in four pairs: the two clusters of a pair lie close together in the
     * embedding and share a word; each also has a word of its own. Two rows are noise.
     */
    private record Corpus(VectorMatrix vectors, int[] assignments, List<String> texts) {

        static Corpus pairs() {
            Random random = new Random(5);
            List<float[]> rows = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int cluster = 0; cluster < 8; cluster++) {
                for (int i = 0; i < 10; i++) {
                    float[] v = new float[16];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = (float) (random.nextGaussian() * 0.02);
                    }
                    v[cluster / 2 * 4] += 1;
                    v[cluster / 2 * 4 + 1 + cluster % 2] += 0.3f;
                    rows.add(v);
                    ids.add(cluster);
                    texts.add("my " + SHARED[cluster / 2] + " " + OWN[cluster] + " question " + i);
                }
            }
            for (int i = 0; i < 2; i++) {
                float[] v = new float[16];
                v[15] = 1;
                rows.add(v);
                ids.add(Clusterer.NOISE);
                texts.add("stray words");
            }
            return new Corpus(VectorMatrix.of(rows, 16), ids.stream().mapToInt(Integer::intValue).toArray(), texts);
        }
    }

    @Test
    void joinsTheNearestClustersFirstAndNamesEachJoinedGroupByWhatItsClustersShare() {
        Corpus corpus = Corpus.pairs();
        Map<Integer, List<String>> words = TopicWords.of(corpus.texts(), corpus.assignments(), 5);
        TopicTree tree = TopicTree.of(corpus.vectors(), corpus.assignments(), words, corpus.texts(), 3);

        assertThat(tree.levels()).extracting(TopicTree.Level::groups).containsExactly(8, 4, 3);
        TopicTree.Level clusters = tree.levels().get(0);
        assertThat(clusters.groups()).isEqualTo(8);
        assertThat(clusters.words().get(3)).isEqualTo(words.get(3));

        TopicTree.Level pairs = tree.levels().get(1);
        assertThat(pairs.groups()).isEqualTo(4);
        for (int pair = 0; pair < 4; pair++) {
            int group = pairs.groupOf()[2 * pair];
            assertThat(pairs.groupOf()[2 * pair + 1]).as("the two clusters of pair %d", pair).isEqualTo(group);
            assertThat(pairs.sizes()[group]).isEqualTo(20);
            assertThat(pairs.words().get(group)).first().isEqualTo(SHARED[pair]);
        }
        int[] rows = pairs.rowGroups(corpus.assignments());
        assertThat(rows[rows.length - 1]).as("a noise row").isEqualTo(-1);
    }

    @Test
    void stopsAtTheFewestGroupsAMapNeedsAndAFewClustersAreOneLevel() {
        Corpus corpus = Corpus.pairs();
        Map<Integer, List<String>> words = new HashMap<>(TopicWords.of(corpus.texts(), corpus.assignments(), 5));
        int[] threeClusters = corpus.assignments().clone();
        for (int i = 0; i < threeClusters.length; i++) {
            threeClusters[i] = threeClusters[i] < 0 ? -1 : threeClusters[i] % 3;
        }
        assertThat(TopicTree.of(corpus.vectors(), threeClusters, words, corpus.texts(), 3).levels()).hasSize(1);

        int[] sixteen = corpus.assignments().clone();
        for (int i = 0; i < sixteen.length; i++) {
            sixteen[i] = sixteen[i] < 0 ? -1 : sixteen[i] * 2 + i % 2;
        }
        TopicTree deep = TopicTree.of(corpus.vectors(), sixteen, words, corpus.texts(), 3);
        assertThat(deep.levels()).extracting(TopicTree.Level::groups).containsExactly(16, 8, 4, 3);
        for (TopicTree.Level level : deep.levels()) {
            assertThat(Arrays.stream(level.sizes()).sum()).isEqualTo(80);
        }
    }
}
