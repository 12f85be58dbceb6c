package org.embex.usecase;

import java.util.Locale;

/**
 * A rate as people read it, the same in every face (docs/decisions/0011): a fraction from 0 to 1
 * printed as a percentage with one decimal and a % sign ("87.5%"). JSON keeps the fraction.
 */
public final class Percent {

    private Percent() {
    }

    public static String of(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
