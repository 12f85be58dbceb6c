package org.embex.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words that set each cluster apart, by class-based TF-IDF (Grootendorst 2022, BERTopic):
 * a word's frequency in the cluster, normalised by the cluster's length, times
 * {@code log(1 + A / f)}, where A is the mean number of words per cluster and f the word's
 * frequency over all clusters.
 */
public final class TopicWords {

    private TopicWords() {
    }

    /** The {@code count} best words of every cluster id in {@code assignments} (noise included). */
    public static Map<Integer, List<String>> of(List<String> texts, int[] assignments, int count) {
        Map<Integer, Map<String, Integer>> frequencies = new TreeMap<>();
        Map<String, Integer> overall = new HashMap<>();
        try (WordSplitter splitter = new WordSplitter()) {
            for (int i = 0; i < texts.size(); i++) {
                Map<String, Integer> cluster = frequencies.computeIfAbsent(assignments[i], id -> new HashMap<>());
                for (String word : splitter.words(texts.get(i))) {
                    cluster.merge(word, 1, Integer::sum);
                    overall.merge(word, 1, Integer::sum);
                }
            }
        }
        double meanWords = frequencies.values().stream()
                .mapToLong(cluster -> cluster.values().stream().mapToLong(Integer::longValue).sum())
                .average().orElse(0);
        Map<Integer, List<String>> topics = new TreeMap<>();
        frequencies.forEach((id, cluster) -> {
            double words = cluster.values().stream().mapToLong(Integer::longValue).sum();
            Map<String, Double> weights = new HashMap<>();
            cluster.forEach((word, frequency) ->
                    weights.put(word, frequency / words * Math.log(1 + meanWords / overall.get(word))));
            topics.put(id, weights.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(count)
                    .map(Map.Entry::getKey)
                    .toList());
        });
        return topics;
    }
}
