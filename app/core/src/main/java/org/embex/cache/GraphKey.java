package org.embex.cache;

import java.util.Locale;

import org.embex.vectors.Metric;

/**
 * Everything a neighbour graph depends on: the corpus content and column choice, the model, the
 * metric, the neighbours a row keeps and the seed. Two equal keys give the same graph.
 */
public record GraphKey(String corpusSha256, String columns, String modelFingerprint, Metric metric, int k, long seed) {

    String text() {
        return String.join("|", corpusSha256, columns, modelFingerprint, metric.name().toLowerCase(Locale.ROOT),
                "k=" + k, "seed=" + seed);
    }
}
