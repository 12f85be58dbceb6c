package org.embex.cache;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What {@code cache recover} copied from a damaged cache into a new one.
 *
 * @param listed the vectors the damaged cache's index still counts, when it can: {@code listed - vectors}
 *               were on damaged pages (or belonged to a model whose row was) and are computed again
 *               when next needed
 */
public record Recovery(Path from, Path to, long models, long vectors, OptionalLong listed, long layouts, long graphs) {
}
