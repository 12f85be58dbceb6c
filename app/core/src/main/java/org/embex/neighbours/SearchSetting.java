package org.embex.neighbours;

import java.util.Locale;

/**
 * How a corpus's neighbour searches run, when the user chose it rather than leaving it to the
 * corpus's size: exactly, or through the graph index built with {@code degree} neighbours a row and
 * {@code trees} trees seeding each search, keeping {@code ef} rows while it walks. Written and read
 * as "exact" or "graph degree=14 trees=8 ef=64", the way {@code tune index --keep} takes it.
 */
public record SearchSetting(boolean exact, int degree, int trees, int ef) {

    public static final SearchSetting EXACT = new SearchSetting(true, 0, 0, 0);

    public SearchSetting {
        if (!exact && (degree < 2 || degree > 100 || trees < 0 || trees > 64 || ef < 1 || ef > 4096)) {
            throw new IllegalArgumentException("a graph search needs degree 2-100, trees 0-64 and ef 1-4096, got degree " + degree
                    + ", trees " + trees + ", ef " + ef);
        }
    }

    public static SearchSetting graph(int degree, int trees, int ef) {
        return new SearchSetting(false, degree, trees, ef);
    }

    /** Reads "exact" or "graph degree=D trees=T ef=E" (any order, commas allowed). */
    public static SearchSetting parse(String text) {
        String[] words = text.trim().toLowerCase(Locale.ROOT).replace(',', ' ').split("\\s+");
        if (words.length == 1 && words[0].equals("exact")) {
            return EXACT;
        }
        if (words.length != 4 || !words[0].equals("graph")) {
            throw new IllegalArgumentException("expected 'exact' or 'graph degree=D trees=T ef=E', got '" + text + "'");
        }
        int degree = -1;
        int trees = -1;
        int ef = -1;
        for (int w = 1; w < words.length; w++) {
            String[] pair = words[w].split("=", 2);
            int value;
            try {
                value = pair.length == 2 ? Integer.parseInt(pair[1]) : -1;
            } catch (NumberFormatException e) {
                value = -1;
            }
            switch (pair[0]) {
                case "degree" -> degree = value;
                case "trees" -> trees = value;
                case "ef" -> ef = value;
                default -> throw new IllegalArgumentException("unknown '" + pair[0] + "' in '" + text + "': degree, trees and ef");
            }
        }
        return graph(degree, trees, ef);
    }

    @Override
    public String toString() {
        return exact ? "exact" : "graph degree=" + degree + " trees=" + trees + " ef=" + ef;
    }
}
