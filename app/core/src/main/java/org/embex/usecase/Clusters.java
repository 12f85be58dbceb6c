package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.embex.cluster.ClusterMethod;
import org.embex.cluster.ClusterParams;
import org.embex.cluster.Clusterer;
import org.embex.cluster.TopicWords;

/**
 * K-means clusters of a corpus, each named by its topic words, so the legend says what a cluster
 * is about rather than only its number.
 *
 * @param names a legend name per row ("3 · roaming, abroad, charges")
 */
public record Clusters(int[] assignments, List<String> names) {

    private static final int TOPIC_WORDS = 3;

    /** About √(n/2) clusters, a common rule of thumb, kept within 2–30 so the legend stays readable. */
    public static int defaultCount(int rows) {
        return (int) Math.max(2, Math.min(30, Math.round(Math.sqrt(rows / 2.0))));
    }

    public static Clusters of(EmbeddedCorpus corpus, int count, long seed) {
        int k = Math.min(count, corpus.size());
        int[] assignments = Clusterer.cluster(corpus.vectors(),
                ClusterParams.defaults(ClusterMethod.KMEANS).withK(k).withSeed(seed));
        Map<Integer, List<String>> words = TopicWords.of(corpus.corpus().texts(), assignments, TOPIC_WORDS);
        List<String> names = new ArrayList<>(assignments.length);
        for (int cluster : assignments) {
            List<String> topic = words.getOrDefault(cluster, List.of());
            names.add(topic.isEmpty() ? String.valueOf(cluster) : cluster + " · " + String.join(", ", topic));
        }
        return new Clusters(assignments, names);
    }
}
