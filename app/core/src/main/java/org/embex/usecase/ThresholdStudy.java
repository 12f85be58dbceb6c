package org.embex.usecase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.embex.BadInputException;
import org.embex.gate.IntentGate;
import org.embex.threshold.RocCurve;
import org.embex.vectors.Metric;

/**
 * Scores with a yes/no truth, as the threshold workbench studies them: for the customer-service
 * gate, each query's cosine to its nearest in-scope example, positive when the query is in
 * scope. Keeps what a user needs to act on a threshold: the text behind each score, its corpus
 * row (to find it on the map), and the gate to export. Made by {@link GateStudy}, {@link PairStudy}
 * or {@link #labelPairs}.
 *
 * @param rows  the corpus row of each score, or −1 when it has none
 * @param gate  the gate the scores come from, exported with the chosen threshold; absent for pairs
 */
public record ThresholdStudy(String model, String source, double[] scores, boolean[] positive, List<String> texts,
                             int[] rows, RocCurve curve, Optional<IntentGate> gate) {

    /** Sampled pairs for a labelled corpus without an out-of-scope label. */
    public static final int SAMPLED_PAIRS = 5000;

    public static ThresholdStudy of(String model, String source, double[] scores, boolean[] positive, List<String> texts,
                                    int[] rows, Optional<IntentGate> gate) {
        return new ThresholdStudy(model, source, scores, positive, List.copyOf(texts), rows, RocCurve.of(scores, positive), gate);
    }

    /**
     * The study a labelled corpus offers: its gate (in scope against its out-of-scope label) when
     * it has such a label, else sampled pairs of its labels; empty for a corpus with fewer than two
     * labels, or when the label given cannot make a gate study.
     */
    public static Optional<ThresholdStudy> of(EmbeddedCorpus corpus, Optional<String> outOfScope, long seed) {
        Optional<ThresholdStudy> gate = OutOfScope.find(corpus.labels(), outOfScope)
                .flatMap(label -> GateStudy.splitting(corpus, label)).map(GateStudy.Result::study);
        // A label the user named is a request for the gate: no quiet fall-back to sampled pairs.
        return gate.isPresent() || outOfScope.isPresent() ? gate : labelPairs(corpus, SAMPLED_PAIRS, seed);
    }

    /**
     * The study of one corpus under each model it was embedded with, the first studied and the others
     * overlaid (the workbench, {@code plot --view roc --against}): every model gets the same kind of
     * study, so a corpus that offers none is a bad input that says why.
     *
     * @param hint how this face names the out-of-scope label, for the message when a given one is absent
     */
    public static List<ThresholdStudy> ofEach(List<EmbeddedCorpus> models, Optional<String> outOfScope, String hint,
                                              long seed) {
        EmbeddedCorpus first = models.get(0);
        outOfScope.ifPresent(label -> OutOfScope.require(first.spec().file(), first.labels(), outOfScope, hint));
        List<ThresholdStudy> studies = new ArrayList<>();
        for (EmbeddedCorpus model : models) {
            studies.add(of(model, outOfScope, seed).orElseThrow(() -> new BadInputException(first.spec().file()
                    + outOfScope.map(label -> ": refusing '" + label + "' leaves no in-scope example, in-scope query or "
                            + "out-of-scope query to study")
                    .orElse(": a threshold study needs a label column with at least two labels"))));
        }
        return studies;
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
        Random random = new Random(seed);
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
            scores[p] = Metric.cosine(corpus.vectors().row(a), corpus.vectors().row(b));
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
