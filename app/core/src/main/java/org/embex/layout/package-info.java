/**
 * Layouts: a corpus's vectors laid out in 2D. PCA for an instant first view, UMAP and Barnes-Hut
 * t-SNE over a neighbour graph from {@code org.embex.neighbours} (docs/decisions/0006, 0007, 0010),
 * and trustworthiness to say how well a layout keeps neighbourhoods. "Layout" is the code's word
 * for the coordinates; the view that shows them is the map.
 */
package org.embex.layout;
