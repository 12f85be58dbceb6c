package org.embex.gate;

import java.util.List;

import org.embex.BadInputException;
import org.embex.threshold.RocCurve;

/**
 * Measures a gate on labelled queries, the out-of-scope ones carrying {@code oosLabel}: the one
 * place a gate's AUROC, TPR-95 threshold and intent accuracy are computed, for {@code eval gate}
 * and the threshold workbench alike. The vectors come embedded as plain texts (the symmetric role):
 * a query is compared with examples of the same kind, not with passages.
 */
public final class GateEvaluation {

    /** The share of in-scope queries the reported threshold keeps. */
    public static final double KEEP_IN_SCOPE = 0.95;

    private GateEvaluation() {
    }

    /**
     * Scores each query by an open gate (one that accepts everything) and measures how well the
     * scores separate in-scope queries from those labelled {@code oosLabel}.
     *
     * @param queryLabels each query's intent, or {@code oosLabel}
     */
    public static GateReport score(IntentGate open, List<float[]> queries, List<String> queryLabels, String oosLabel) {
        boolean[] inScope = new boolean[queryLabels.size()];
        int inScopeCount = 0;
        for (int i = 0; i < inScope.length; i++) {
            inScope[i] = !oosLabel.equals(queryLabels.get(i));
            inScopeCount += inScope[i] ? 1 : 0;
        }
        if (inScopeCount == 0 || inScopeCount == inScope.length) {
            throw new BadInputException("the queries need both in-scope rows and rows labelled '" + oosLabel
                    + "' (found " + inScopeCount + " in scope of " + inScope.length + ")");
        }
        long started = System.nanoTime();
        List<GateDecision> decisions = open.decideAll(queries);
        double seconds = (System.nanoTime() - started) / 1e9;

        double[] scores = new double[decisions.size()];
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = decisions.get(i).score();
            if (inScope[i] && decisions.get(i).intent().equals(queryLabels.get(i))) {
                correct++;
            }
        }
        RocCurve curve = RocCurve.of(scores, inScope);
        var tpr95 = curve.atTpr(KEEP_IN_SCOPE);
        return new GateReport(scores.length, inScopeCount, curve.auc(), tpr95, (double) correct / inScopeCount,
                seconds, curve, open.withThreshold(tpr95.threshold()), scores, inScope);
    }
}
