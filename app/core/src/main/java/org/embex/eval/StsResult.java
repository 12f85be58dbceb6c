package org.embex.eval;

/**
 * How well a model's cosine similarities rank sentence pairs the way people scored them.
 *
 * @param model    model id
 * @param pairs    pairs scored
 * @param spearman Spearman's rho × 100, the figure STS papers report
 * @param pearson  Pearson's r × 100
 */
public record StsResult(String model, int pairs, double spearman, double pearson) {
}
