/**
 * Vectors as numbers: the row-major {@link org.embex.vectors.VectorMatrix} every analysis works
 * on, its dot-product kernels (SIMD when the vector module is present), the similarity metrics,
 * scored rows ({@link org.embex.vectors.Neighbour}), and writing matrices for other tools (.npy).
 * Neighbour search lives in {@code org.embex.neighbours}.
 */
package org.embex.vectors;
