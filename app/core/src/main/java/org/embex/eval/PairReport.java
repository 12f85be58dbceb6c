package org.embex.eval;

import java.util.Map;

import org.embex.threshold.OperatingPoint;
import org.embex.vectors.Metric;

/**
 * Labelled pairs told apart by similarity, per metric (what sentence-transformers' binary
 * classification evaluator reports).
 *
 * @param model   model id
 * @param pairs   pairs scored
 * @param metrics the figures of each metric
 */
public record PairReport(String model, int pairs, Map<Metric, MetricFigures> metrics) {

    /**
     * One metric's figures; for L2 the thresholds are distances (a pair at or below is positive),
     * for cosine and dot similarities (at or above).
     */
    public record MetricFigures(double auroc, double averagePrecision, OperatingPoint bestAccuracy, OperatingPoint bestF1,
                                boolean distance) {

        /** A threshold as a user reads it: a distance for L2, the similarity otherwise. */
        public double shown(OperatingPoint point) {
            return distance ? -point.threshold() : point.threshold();
        }
    }
}
