package org.embex.gate;

import java.util.List;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingSource;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.threshold.RocCurve;

/**
 * Builds a gate from labelled in-scope references and measures it on labelled queries, the
 * out-of-scope ones carrying {@code oosLabel}. Both sides are embedded as plain texts (the
 * symmetric role): a query is compared with examples of the same kind, not with passages.
 */
public final class GateEvaluation {

    /** The share of in-scope queries the reported threshold keeps. */
    public static final double KEEP_IN_SCOPE = 0.95;

    private GateEvaluation() {
    }

    public static GateReport run(EmbeddingSource source, String fingerprint, List<String> referenceTexts,
                                 List<String> referenceLabels, List<String> queryTexts, List<String> queryLabels,
                                 String oosLabel, GateScoring scoring, ProgressListener listener) {
        if (referenceTexts.isEmpty()) {
            throw new BadInputException("the reference file has no rows");
        }
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
        int total = referenceTexts.size() + queryTexts.size();
        List<float[]> references = source.embed(referenceTexts, Role.TEXT,
                (done, ignored) -> listener.progress(done, total)).stream().map(Embedding::vector).toList();
        List<float[]> queries = source.embed(queryTexts, Role.TEXT,
                (done, ignored) -> listener.progress(referenceTexts.size() + done, total)).stream().map(Embedding::vector).toList();

        long started = System.nanoTime();
        IntentGate open = IntentGate.build(source.descriptor().id(), fingerprint, scoring, Double.NEGATIVE_INFINITY,
                referenceLabels, references, source.descriptor().dims());
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
        return new GateReport(scores.length, inScopeCount, 100 * curve.auc(), tpr95, 100.0 * correct / inScopeCount,
                seconds, curve, open.withThreshold(tpr95.threshold()));
    }
}
