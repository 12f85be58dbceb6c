package org.embex.cluster;

import java.util.Objects;

import org.embex.Seed;

/**
 * How to cluster.
 *
 * @param method         k-means or HDBSCAN
 * @param k              clusters for k-means, at least 2 (default 10)
 * @param minClusterSize HDBSCAN's smallest cluster, at least 2 (default 10)
 * @param seed           k-means seeding and the silhouette sample; the same seed gives the same result
 */
public record ClusterParams(ClusterMethod method, int k, int minClusterSize, long seed) {

    public ClusterParams {
        Objects.requireNonNull(method, "method");
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, was " + k);
        }
        if (minClusterSize < 2) {
            throw new IllegalArgumentException("min cluster size must be at least 2, was " + minClusterSize);
        }
    }

    /** The smallest cluster HDBSCAN keeps unless told otherwise. */
    public static final int DEFAULT_MIN_CLUSTER_SIZE = 10;

    public static ClusterParams defaults(ClusterMethod method) {
        return new ClusterParams(method, 10, DEFAULT_MIN_CLUSTER_SIZE, Seed.DEFAULT);
    }

    public ClusterParams withK(int clusters) {
        return new ClusterParams(method, clusters, minClusterSize, seed);
    }

    public ClusterParams withMinClusterSize(int size) {
        return new ClusterParams(method, k, size, seed);
    }

    public ClusterParams withSeed(long other) {
        return new ClusterParams(method, k, minClusterSize, other);
    }
}
