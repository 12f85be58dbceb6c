/**
 * Two-dimensional maps of a corpus's vectors: PCA for an instant first view and UMAP over the
 * neighbour graph, with trustworthiness to say how well a map keeps neighbourhoods.
 */
package org.embex.layout;
