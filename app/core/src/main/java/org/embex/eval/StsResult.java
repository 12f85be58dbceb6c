package org.embex.eval;

/**
 * How well a model's cosine similarities rank sentence pairs the way people scored them.
 *
 * @param model    model id
 * @param pairs    pairs scored
 * @param spearman Spearman's rho, from −1 to 1 (STS papers report it × 100)
 * @param pearson  Pearson's r, from −1 to 1
 */
public record StsResult(String model, int pairs, double spearman, double pearson) {
}
