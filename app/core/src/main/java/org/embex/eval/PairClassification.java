package org.embex.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.embex.threshold.RocCurve;
import org.embex.vectors.Metric;

/** Scores labelled pairs by cosine, dot product and L2 distance, and finds each metric's best threshold. */
public final class PairClassification {

    private PairClassification() {
    }

    /** Each pair scored under every metric by its two vectors, against its yes/no label. */
    public static PairReport score(String model, List<float[]> left, List<float[]> right, boolean[] positive) {
        if (left.size() != right.size() || left.size() != positive.length) {
            throw new IllegalArgumentException("left, right and labels must be equally long");
        }
        Map<Metric, PairReport.MetricFigures> figures = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double[] scores = new double[positive.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = metric.score(left.get(i), right.get(i));
            }
            RocCurve curve = RocCurve.of(scores, positive);
            figures.put(metric, new PairReport.MetricFigures(curve.auc(), curve.averagePrecision(),
                    curve.bestAccuracy(), curve.bestF1(), metric == Metric.L2));
        }
        return new PairReport(model, positive.length, figures);
    }
}
