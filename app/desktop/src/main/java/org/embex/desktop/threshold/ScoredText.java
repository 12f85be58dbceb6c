package org.embex.desktop.threshold;

/** A query the threshold decides wrongly: its score, its text and its corpus row (−1 if none). */
public record ScoredText(double score, String text, int row) {

    @Override
    public String toString() {
        return String.format("%.4f  %s", score, text);
    }
}
