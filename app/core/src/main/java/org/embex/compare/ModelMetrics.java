package org.embex.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.embex.cluster.ClusterQuality;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * What a labelled corpus says about one model: how often a text's nearest neighbours carry its
 * label, and how well the labels separate (silhouette of the labels as clusters).
 */
public record ModelMetrics(String model, OptionalDouble knnLabelAccuracy, OptionalDouble labelSilhouette) {

    /** A model's metrics on its own, without a second model to compare with: its {@code k} nearest neighbours by {@code metric}. */
    public static ModelMetrics of(String model, VectorMatrix vectors, List<String> labels, int k, Metric metric, long seed) {
        return of(model, Neighbourhoods.of(vectors, k, metric, seed, ProgressListener.NONE), vectors, labels, seed);
    }

    static ModelMetrics of(String model, Neighbourhoods neighbourhoods, VectorMatrix vectors, List<String> labels, long seed) {
        boolean labelled = labels.stream().anyMatch(label -> label != null && !label.isEmpty());
        if (!labelled) {
            return new ModelMetrics(model, OptionalDouble.empty(), OptionalDouble.empty());
        }
        Map<String, Integer> ids = new HashMap<>();
        int[] assignments = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i) == null ? "" : labels.get(i);
            assignments[i] = ids.computeIfAbsent(label, key -> ids.size());
        }
        double silhouette = ids.size() < 2 ? Double.NaN : ClusterQuality.silhouette(vectors, assignments, seed);
        return new ModelMetrics(model, OptionalDouble.of(neighbourhoods.labelAccuracy(labels)),
                Double.isNaN(silhouette) ? OptionalDouble.empty() : OptionalDouble.of(silhouette));
    }
}
