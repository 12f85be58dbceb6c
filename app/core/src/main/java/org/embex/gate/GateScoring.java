package org.embex.gate;

import java.util.Locale;

import org.embex.BadInputException;

/** How a query is scored against the in-scope references. */
public enum GateScoring {
    /** Cosine to the nearest reference example; its intent is that example's label. */
    NEAREST,
    /** Cosine to the nearest intent centroid (the normalised mean of the intent's examples). */
    CENTROID;

    public static GateScoring parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown scoring '" + name + "', expected nearest or centroid");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
