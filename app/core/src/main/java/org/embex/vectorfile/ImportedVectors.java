package org.embex.vectorfile;

import org.embex.corpus.Corpus;
import org.embex.vectors.VectorMatrix;

/**
 * A corpus's vectors as its file brought them, with the corpus itself (less the vector column,
 * which is not metadata) and what the vectors are known by.
 *
 * @param name        the reference that named them ({@code file:embedding}), shown where a model's id is
 * @param fingerprint a hash of the values and shape: the cache key of everything derived from them
 */
public record ImportedVectors(String name, Corpus corpus, VectorMatrix matrix, String fingerprint, Norms norms) {
}
