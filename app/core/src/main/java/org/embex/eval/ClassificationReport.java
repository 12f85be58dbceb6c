package org.embex.eval;

import java.util.Map;

/**
 * Intent classification on embeddings, per method; accuracy and macro-F1 as fractions from 0 to 1.
 *
 * @param model   model id
 * @param train   training rows
 * @param test    test rows
 * @param methods {@code centroid}, {@code knn}, {@code logreg}, in that order
 */
public record ClassificationReport(String model, int train, int test, Map<String, MethodResult> methods) {

    /**
     * @param accuracy  share of test rows given their own label
     * @param macroF1   F1 averaged over every label seen in gold or prediction
     * @param confusion counts by gold label, then predicted label
     */
    public record MethodResult(double accuracy, double macroF1, Map<String, Map<String, Integer>> confusion) {
    }
}
