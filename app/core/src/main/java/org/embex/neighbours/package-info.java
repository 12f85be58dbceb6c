/**
 * Neighbour search over a {@link org.embex.vectors.VectorMatrix}: exact k-nearest-neighbour graphs
 * as blocked SIMD matrix products ({@link org.embex.neighbours.ExactKnn}), NN-descent
 * ({@link org.embex.neighbours.NnDescent}), the graph index with random-projection-tree entry
 * points ({@link org.embex.neighbours.GraphIndex}, docs/decisions/0008), the choice between exact
 * and approximate graphs ({@link org.embex.neighbours.NeighbourGraphs}), and the search both faces
 * answer neighbour questions with ({@link org.embex.neighbours.NeighbourSearch}).
 */
package org.embex.neighbours;
