package org.embex.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingSource;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;

/** Embeds a corpus, clusters it, names the clusters and measures them. */
public final class ClusterAnalysis {

    public static final int TOPIC_WORDS = 8;

    private ClusterAnalysis() {
    }

    /** {@code labels} may be empty when the corpus has none. */
    public static ClusterReport run(EmbeddingSource source, List<String> texts, List<String> labels, ClusterParams params,
                                    ProgressListener listener) {
        List<float[]> vectors = source.embed(texts, Role.TEXT, listener).stream().map(Embedding::vector).toList();
        int[] assignments = Clusterer.cluster(vectors, params);
        Map<Integer, List<String>> words = TopicWords.of(texts, assignments, TOPIC_WORDS);
        int[] sizes = new int[assignments.length + 1];
        for (int id : assignments) {
            sizes[id + 1]++;
        }
        List<ClusterReport.Cluster> clusters = new ArrayList<>();
        words.forEach((id, top) -> clusters.add(new ClusterReport.Cluster(id, sizes[id + 1], top)));
        clusters.sort(Comparator.comparing((ClusterReport.Cluster c) -> c.id() == Clusterer.NOISE)
                .thenComparing(Comparator.comparingInt(ClusterReport.Cluster::size).reversed())
                .thenComparingInt(ClusterReport.Cluster::id));
        boolean labelled = !labels.isEmpty() && labels.stream().anyMatch(label -> !label.isEmpty());
        return new ClusterReport(source.descriptor().id(), params, assignments, clusters,
                ClusterQuality.silhouette(vectors, assignments, params.seed()),
                labelled ? OptionalDouble.of(ClusterQuality.adjustedRandIndex(labels, assignments)) : OptionalDouble.empty(),
                labelled ? OptionalDouble.of(ClusterQuality.normalizedMutualInformation(labels, assignments)) : OptionalDouble.empty());
    }
}
