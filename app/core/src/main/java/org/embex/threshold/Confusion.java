package org.embex.threshold;

/**
 * Counts at one threshold: a score at or above it is accepted (predicted positive).
 */
public record Confusion(double threshold, long truePositives, long falsePositives, long trueNegatives,
                        long falseNegatives) {

    public long positives() {
        return truePositives + falseNegatives;
    }

    public long negatives() {
        return falsePositives + trueNegatives;
    }

    /** Recall, sensitivity: the share of positives accepted. */
    public double tpr() {
        return ratio(truePositives, positives());
    }

    /** The share of negatives accepted. */
    public double fpr() {
        return ratio(falsePositives, negatives());
    }

    /** The share of accepted that are positive; 1 when nothing is accepted. */
    public double precision() {
        long accepted = truePositives + falsePositives;
        return accepted == 0 ? 1.0 : (double) truePositives / accepted;
    }

    public double f1() {
        long denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }

    public double accuracy() {
        return ratio(truePositives + trueNegatives, positives() + negatives());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
