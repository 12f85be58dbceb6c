/**
 * Clusters of a corpus's vectors (k-means from Smile, HDBSCAN from Tribuo), the words that
 * describe each cluster (class-based TF-IDF over segmented text), and how good the clusters are
 * (silhouette; ARI and NMI against labels).
 */
package org.embex.cluster;
