package org.embex.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * A similarity gate: the vectors it compares queries with (reference examples or intent
 * centroids), their intents, and the threshold at or above which a query is accepted.
 *
 * @param modelId     the model the vectors come from; queries must be embedded with it
 * @param fingerprint that model's fingerprint, so a changed model is noticed
 * @param scoring     nearest example or nearest centroid
 * @param threshold   accept at or above this cosine
 * @param intents     the intent of each row of {@code anchors}
 * @param anchors     the vectors each query is compared with, by cosine (so of any length)
 * @param examples    the text of each anchor, for {@code NEAREST}; empty for centroids, which have none
 */
public record IntentGate(String modelId, String fingerprint, GateScoring scoring, double threshold,
                         List<String> intents, VectorMatrix anchors, List<String> examples) {

    public IntentGate {
        Objects.requireNonNull(modelId, "modelId");
        intents = List.copyOf(intents);
        examples = List.copyOf(examples);
        if (intents.size() != anchors.rows()) {
            throw new IllegalArgumentException(intents.size() + " intents for " + anchors.rows() + " vectors");
        }
        if (!examples.isEmpty() && examples.size() != anchors.rows()) {
            throw new IllegalArgumentException(examples.size() + " example texts for " + anchors.rows() + " vectors");
        }
    }

    /**
     * The anchors for a scoring: every reference vector (and its text) for {@code NEAREST}; for
     * {@code CENTROID}, one normalised mean per intent, in order of first appearance. The mean is of
     * the references' directions (each scaled to unit length first), so that a long vector from a
     * user's file weighs no more in a cosine gate than a short one.
     */
    public static IntentGate build(String modelId, String fingerprint, GateScoring scoring, double threshold,
                                   List<String> labels, List<String> texts, List<float[]> vectors, int dims) {
        if (scoring == GateScoring.NEAREST) {
            return new IntentGate(modelId, fingerprint, scoring, threshold, labels, VectorMatrix.of(vectors, dims), texts);
        }
        Map<String, float[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            float[] sum = sums.computeIfAbsent(labels.get(i), label -> new float[dims]);
            float[] vector = vectors.get(i);
            double length = Math.sqrt(Metric.dot(vector, vector));
            for (int j = 0; j < dims; j++) {
                sum[j] += length == 0 ? 0 : (float) (vector[j] / length);
            }
        }
        List<float[]> centroids = new ArrayList<>();
        for (float[] sum : sums.values()) {
            double norm = Math.sqrt(Metric.dot(sum, sum));
            float[] centroid = new float[dims];
            for (int j = 0; j < dims; j++) {
                centroid[j] = norm == 0 ? 0 : (float) (sum[j] / norm);
            }
            centroids.add(centroid);
        }
        return new IntentGate(modelId, fingerprint, scoring, threshold, new ArrayList<>(sums.keySet()),
                VectorMatrix.of(centroids, dims), List.of());
    }

    public IntentGate withThreshold(double other) {
        return new IntentGate(modelId, fingerprint, scoring, other, intents, anchors, examples);
    }

    /** Decisions for many queries, in one batched search over the anchors. */
    public List<GateDecision> decideAll(List<float[]> queries) {
        return anchors.topK(queries, 1, Metric.COSINE).stream().map(nearest -> decisionFor(nearest.get(0))).toList();
    }

    /** The decision for a query whose nearest anchor, found by any exact search, is {@code nearest}. */
    public GateDecision decisionFor(Neighbour nearest) {
        return new GateDecision(nearest.score() >= threshold, nearest.score(), intents.get(nearest.index()),
                examples.isEmpty() ? "" : examples.get(nearest.index()));
    }
}
