package org.embex.eval;

import java.util.List;

import org.embex.vectors.Metric;

/**
 * Semantic textual similarity: the cosine of each pair's embeddings against a gold score, as
 * correlations (the STS Benchmark protocol).
 */
public final class StsEvaluation {

    private StsEvaluation() {
    }

    /** Correlations of the cosine of each pair's vectors ({@code left[i]}, {@code right[i]}) with {@code gold[i]}. */
    public static StsResult score(String model, List<float[]> left, List<float[]> right, double[] gold) {
        if (left.size() != right.size() || left.size() != gold.length) {
            throw new IllegalArgumentException("left, right and gold must be equally long");
        }
        double[] predicted = new double[gold.length];
        for (int i = 0; i < gold.length; i++) {
            predicted[i] = Metric.cosine(left.get(i), right.get(i));
        }
        return new StsResult(model, gold.length, Correlation.spearman(predicted, gold), Correlation.pearson(predicted, gold));
    }
}
