package org.embex.gate;

import org.embex.threshold.OperatingPoint;
import org.embex.threshold.RocCurve;

/**
 * How well a gate separates in-scope from out-of-scope queries. Rates are fractions from 0 to 1.
 *
 * @param queries            queries scored
 * @param inScope            of them in scope
 * @param auroc              area under the ROC curve of in-scope (positive) against out-of-scope
 * @param tpr95              the operating point that keeps 95% of in-scope queries
 * @param inScopeAccuracy    in-scope queries whose nearest intent is their own
 * @param scoringSeconds     time to score every query once embedded
 * @param curve              the whole curve, for views and other operating points
 * @param gate               the gate at the TPR-95 threshold
 * @param scores             each query's score, in query order
 * @param positive           whether each query is in scope
 */
public record GateReport(int queries, int inScope, double auroc, OperatingPoint tpr95, double inScopeAccuracy,
                         double scoringSeconds, RocCurve curve, IntentGate gate, double[] scores, boolean[] positive) {

    public double fprAtTpr95() {
        return tpr95.confusion().fpr();
    }

    public double oosRejectedAtTpr95() {
        return 1 - fprAtTpr95();
    }
}
