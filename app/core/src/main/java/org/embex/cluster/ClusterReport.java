package org.embex.cluster;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A clustering of a corpus and how good it is.
 *
 * @param model       model id
 * @param params      how it was clustered (seed included)
 * @param assignments each text's cluster, or {@link Clusterer#NOISE}
 * @param clusters    every cluster, largest first; noise, if any, last with id −1
 * @param silhouette  mean silhouette (cosine distance), −1 to 1
 * @param ari         adjusted Rand index against the labels, when there are labels
 * @param nmi         normalised mutual information against the labels, when there are labels
 */
public record ClusterReport(String model, ClusterParams params, int[] assignments, List<Cluster> clusters,
                            double silhouette, OptionalDouble ari, OptionalDouble nmi) {

    /** One cluster: its id, size and the words that set it apart. */
    public record Cluster(int id, int size, List<String> words) {
    }
}
