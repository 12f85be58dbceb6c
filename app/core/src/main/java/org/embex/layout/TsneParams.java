package org.embex.layout;

import java.util.Objects;

import org.embex.Seed;
import org.embex.vectors.Metric;

/**
 * t-SNE's parameters, with the defaults of openTSNE and scikit-learn.
 *
 * @param perplexity   effective number of neighbours (2–100, default 30); the neighbour graph
 *                     holds 3 × perplexity neighbours
 * @param theta        Barnes-Hut accuracy: a cell this small for its distance counts as one point (default 0.5)
 * @param exaggeration early exaggeration factor (default 12) for the first 250 iterations
 * @param iterations   iterations after early exaggeration (default 500)
 * @param metric       distance in the input space (default cosine)
 * @param seed         the same seed gives the same map
 */
public record TsneParams(double perplexity, double theta, double exaggeration, int iterations, Metric metric, long seed) {

    public static final int EARLY_ITERATIONS = 250;

    public TsneParams {
        Objects.requireNonNull(metric, "metric");
        if (perplexity < 2 || perplexity > 100) {
            throw new IllegalArgumentException("perplexity must be between 2 and 100, was " + perplexity);
        }
        if (theta < 0 || theta > 1 || exaggeration < 1 || iterations < 1) {
            throw new IllegalArgumentException("need 0 <= theta <= 1, exaggeration >= 1, iterations >= 1");
        }
    }

    /** openTSNE's and scikit-learn's default; named so that option descriptions can quote it. */
    public static final double DEFAULT_PERPLEXITY = 30;

    public static TsneParams defaults() {
        return new TsneParams(DEFAULT_PERPLEXITY, 0.5, 12, 500, Metric.COSINE, Seed.DEFAULT);
    }

    public TsneParams withPerplexity(double value) {
        return new TsneParams(value, theta, exaggeration, iterations, metric, seed);
    }

    public TsneParams withIterations(int count) {
        return new TsneParams(perplexity, theta, exaggeration, count, metric, seed);
    }

    public TsneParams withSeed(long other) {
        return new TsneParams(perplexity, theta, exaggeration, iterations, metric, other);
    }
}
