package org.embex.recommend;

/**
 * A row recommended from a set of liked rows.
 *
 * @param row          the recommended row
 * @param score        its cosine with the profile (the liked rows' mean direction)
 * @param because      the liked row closest to it: the one that brought it in
 * @param becauseScore its cosine with that liked row
 */
public record Recommendation(int row, double score, int because, double becauseScore) {
}
