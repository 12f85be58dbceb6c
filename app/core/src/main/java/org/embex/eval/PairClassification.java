package org.embex.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingSource;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.threshold.RocCurve;
import org.embex.vectors.Metric;

/** Scores labelled pairs by cosine, dot product and L2 distance, and finds each metric's best threshold. */
public final class PairClassification {

    private PairClassification() {
    }

    public static PairReport run(EmbeddingSource source, List<String> left, List<String> right, boolean[] positive,
                                 ProgressListener listener) {
        if (left.size() != right.size() || left.size() != positive.length) {
            throw new IllegalArgumentException("left, right and labels must be equally long");
        }
        Set<String> distinct = new LinkedHashSet<>(left);
        distinct.addAll(right);
        List<String> sentences = new ArrayList<>(distinct);
        List<Embedding> embeddings = source.embed(sentences, Role.TEXT, listener);
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            vectors.put(sentences.get(i), embeddings.get(i).vector());
        }
        Map<Metric, PairReport.MetricFigures> figures = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double[] scores = new double[positive.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = metric.score(vectors.get(left.get(i)), vectors.get(right.get(i)));
            }
            RocCurve curve = RocCurve.of(scores, positive);
            figures.put(metric, new PairReport.MetricFigures(100 * curve.auc(), 100 * curve.averagePrecision(),
                    curve.bestAccuracy(), curve.bestF1(), metric == Metric.L2));
        }
        return new PairReport(source.descriptor().id(), positive.length, figures);
    }
}
