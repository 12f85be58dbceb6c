package org.embex.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.embex.vectors.VectorMatrix;

/** Clusters vectors, names the clusters by their texts' topic words and measures them. */
public final class ClusterAnalysis {

    private ClusterAnalysis() {
    }

    /**
     * @param texts      the text of each row, for the topic words
     * @param labels     each row's label ({@code null} or empty where it has none), for ARI and NMI
     * @param topicWords how many words name a cluster
     */
    public static ClusterReport run(String model, VectorMatrix vectors, List<String> texts, List<String> labels,
                                    ClusterParams params, int topicWords) {
        int[] assignments = Clusterer.cluster(vectors, params);
        Map<Integer, List<String>> words = TopicWords.of(texts, assignments, topicWords);
        int[] sizes = new int[assignments.length + 1];
        for (int id : assignments) {
            sizes[id + 1]++;
        }
        List<ClusterReport.Cluster> clusters = new ArrayList<>();
        words.forEach((id, top) -> clusters.add(new ClusterReport.Cluster(id, sizes[id + 1], top)));
        clusters.sort(Comparator.comparing((ClusterReport.Cluster c) -> c.id() == Clusterer.NOISE)
                .thenComparing(Comparator.comparingInt(ClusterReport.Cluster::size).reversed())
                .thenComparingInt(ClusterReport.Cluster::id));
        boolean labelled = labels.stream().anyMatch(label -> label != null && !label.isEmpty());
        List<String> known = labels.stream().map(label -> label == null ? "" : label).toList();
        return new ClusterReport(model, params, assignments, clusters,
                ClusterQuality.silhouette(vectors, assignments, params.seed()),
                labelled ? OptionalDouble.of(ClusterQuality.adjustedRandIndex(known, assignments)) : OptionalDouble.empty(),
                labelled ? OptionalDouble.of(ClusterQuality.normalizedMutualInformation(known, assignments)) : OptionalDouble.empty());
    }
}
