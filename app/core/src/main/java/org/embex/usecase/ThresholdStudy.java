package org.embex.usecase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.embex.gate.GateDecision;
import org.embex.gate.GateScoring;
import org.embex.gate.IntentGate;
import org.embex.threshold.RocCurve;

/**
 * Scores with a yes/no truth, as the threshold workbench studies them: for the customer-service
 * gate, each query's cosine to its nearest in-scope example, positive when the query is in
 * scope. Keeps what a user needs to act on a threshold: the text behind each score, its corpus
 * row (to find it on the map), and the gate to export.
 *
 * @param rows  the corpus row of each score, or −1 when it has none
 * @param gate  the gate the scores come from, exported with the chosen threshold; absent for pairs
 */
public record ThresholdStudy(String model, String source, double[] scores, boolean[] positive, List<String> texts,
                             int[] rows, RocCurve curve, Optional<IntentGate> gate) {

    public static ThresholdStudy of(String model, String source, double[] scores, boolean[] positive, List<String> texts,
                                    int[] rows, Optional<IntentGate> gate) {
        return new ThresholdStudy(model, source, scores, positive, List.copyOf(texts), rows, RocCurve.of(scores, positive), gate);
    }

    /**
     * The in-scope gate from a labelled corpus: of each in-scope label, every other row becomes a
     * reference example and the rest are in-scope queries; every row labelled {@code outOfScope}
     * is a query that should be refused. Deterministic: the split follows row order.
     */
    public static Optional<ThresholdStudy> gate(EmbeddedCorpus corpus, String outOfScope) {
        List<Integer> references = new ArrayList<>();
        List<Integer> queries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            String label = corpus.row(i).label();
            if (label == null || label.isEmpty()) {
                continue;
            }
            if (label.equals(outOfScope)) {
                queries.add(i);
            } else if (seen.merge(label, 1, Integer::sum) % 2 == 1) {
                references.add(i);
            } else {
                queries.add(i);
            }
        }
        boolean anyOut = queries.stream().anyMatch(i -> outOfScope.equals(corpus.row(i).label()));
        boolean anyIn = queries.stream().anyMatch(i -> !outOfScope.equals(corpus.row(i).label()));
        if (references.isEmpty() || !anyOut || !anyIn) {
            return Optional.empty();
        }
        IntentGate open = IntentGate.build(corpus.model(), corpus.fingerprint(), GateScoring.NEAREST, Double.NEGATIVE_INFINITY,
                references.stream().map(i -> corpus.row(i).label()).toList(),
                references.stream().map(i -> corpus.vectors().get(i)).toList(), corpus.matrix().dims());
        boolean[] positive = new boolean[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            positive[q] = !outOfScope.equals(corpus.row(queries.get(q)).label());
        }
        String source = String.format("in scope vs '%s': %d reference examples, %d queries", outOfScope, references.size(),
                queries.size());
        return Optional.of(scoredBy(open, source, queries.stream().map(i -> corpus.vectors().get(i)).toList(), positive,
                queries.stream().map(i -> corpus.row(i).text()).toList(), queries.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * Each query scored by its nearest example in an open gate (one that accepts everything), as
     * {@code ./embex gate} scores it; the gate is kept for export.
     */
    public static ThresholdStudy scoredBy(IntentGate open, String source, List<float[]> queries, boolean[] positive,
                                          List<String> texts, int[] rows) {
        double[] scores = open.decideAll(queries).stream().mapToDouble(GateDecision::score).toArray();
        return of(open.modelId(), source, scores, positive, texts, rows, Optional.of(open));
    }

    /**
     * Pairs from a labelled corpus, for corpora without an out-of-scope label: up to
     * {@code pairs} random pairs of rows with a label, positive when both carry the same one,
     * scored by cosine. The pairs are drawn with {@code seed}, same-label pairs first so that a
     * corpus of many small labels still has positives.
     */
    public static Optional<ThresholdStudy> labelPairs(EmbeddedCorpus corpus, int pairs, long seed) {
        List<Integer> labelled = new ArrayList<>();
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            String label = corpus.row(i).label();
            if (label != null && !label.isEmpty()) {
                labelled.add(i);
                byLabel.computeIfAbsent(label, key -> new ArrayList<>()).add(i);
            }
        }
        if (byLabel.size() < 2) {
            return Optional.empty();
        }
        java.util.Random random = new java.util.Random(seed);
        List<String> labels = new ArrayList<>(byLabel.keySet());
        double[] scores = new double[pairs];
        boolean[] positive = new boolean[pairs];
        List<String> texts = new ArrayList<>(pairs);
        int[] rows = new int[pairs];
        for (int p = 0; p < pairs; p++) {
            int a;
            int b;
            if (p % 2 == 0) {
                List<Integer> members = byLabel.get(labels.get(random.nextInt(labels.size())));
                a = members.get(random.nextInt(members.size()));
                b = members.get(random.nextInt(members.size()));
            } else {
                a = labelled.get(random.nextInt(labelled.size()));
                b = labelled.get(random.nextInt(labelled.size()));
            }
            scores[p] = org.embex.vectors.Metric.cosine(corpus.vectors().get(a), corpus.vectors().get(b));
            positive[p] = corpus.row(a).label().equals(corpus.row(b).label());
            texts.add(corpus.row(a).text() + "  ⟷  " + corpus.row(b).text());
            rows[p] = a;
        }
        return Optional.of(of(corpus.model(), String.format("%,d sampled pairs, same label = positive", pairs), scores,
                positive, texts, rows, Optional.empty()));
    }

    /** The gate to export, accepting at or above {@code threshold}. */
    public Optional<IntentGate> gateAt(double threshold) {
        return gate.map(g -> g.withThreshold(threshold));
    }
}
