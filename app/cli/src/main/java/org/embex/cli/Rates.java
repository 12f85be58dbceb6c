package org.embex.cli;

import java.util.Locale;

/**
 * How figures read in text output: rates (accuracy, F1, precision, recall, TPR, FPR, shares
 * refused) as percentages with a % sign; JSON keeps every rate as a fraction from 0 to 1.
 * Scores that are not rates (AUROC, average precision, nDCG, MRR, correlations, thresholds)
 * print as decimals.
 */
final class Rates {

    private Rates() {
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
