package org.embex.threshold;

/**
 * Scores of each class counted in equal-width bins over the range of all scores.
 *
 * @param edges     bin edges, one more than bins; the last bin includes its upper edge
 * @param positives counts of positive scores per bin
 * @param negatives counts of negative scores per bin
 */
public record ScoreHistogram(double[] edges, long[] positives, long[] negatives) {

    public int bins() {
        return positives.length;
    }
}
