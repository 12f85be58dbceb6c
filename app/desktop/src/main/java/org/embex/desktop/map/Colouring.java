package org.embex.desktop.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What colour each point gets and why: categories (label, cluster, a metadata column) with their
 * counts for the legend, or a score (similarity to a query) on a colour scale.
 *
 * @param categoryOf each point's index into {@code categories}; all 0 for a score colouring
 * @param scoreRange the lowest and highest score, for a score colouring
 */
public record Colouring(String title, int[] colours, List<Category> categories, int[] categoryOf,
                        Optional<double[]> scoreRange) {

    static final String NONE = "(none)";

    /** One entry of the legend. */
    public record Category(String name, int colour, int count) {
    }

    public int points() {
        return colours.length;
    }

    /** The points whose category is one of {@code categories}: what the legend's switched-off entries hide. */
    public BitSet pointsIn(Set<Integer> categories) {
        BitSet points = new BitSet(categoryOf.length);
        for (int i = 0; i < categoryOf.length && !categories.isEmpty(); i++) {
            if (categories.contains(categoryOf[i])) {
                points.set(i);
            }
        }
        return points;
    }

    /** Every point in one colour. */
    public static Colouring uniform(int points) {
        int[] colours = new int[points];
        Arrays.fill(colours, Palette.category(0));
        return new Colouring("all points", colours, List.of(new Category("all", Palette.category(0), points)),
                new int[points], Optional.empty());
    }

    /**
     * One colour per distinct value, most frequent first, equal counts in {@link ReadingOrder}. Past the palette's size the rarest
     * values share one light grey "other" entry that says how many they are, so the legend stays
     * readable; rows without a value are their own grey entry, last, never folded into "other".
     */
    public static Colouring categorical(String title, List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String value : values) {
            counts.merge(value == null || value.isEmpty() ? NONE : value, 1, Integer::sum);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.remove(NONE);
        order.sort(Comparator.<String, Integer>comparing(counts::get, Comparator.reverseOrder()).thenComparing(ReadingOrder.INSTANCE));
        int named = order.size() <= Palette.categories() ? order.size() : Palette.categories() - 1;
        Map<String, Integer> index = new HashMap<>();
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < named; c++) {
            String value = order.get(c);
            index.put(value, c);
            categories.add(new Category(value, Palette.category(c), counts.get(value)));
        }
        int other = -1;
        if (named < order.size()) {
            int rest = 0;
            for (int c = named; c < order.size(); c++) {
                rest += counts.get(order.get(c));
            }
            other = categories.size();
            categories.add(new Category("other (" + (order.size() - named) + " smaller values)", Palette.OTHER, rest));
        }
        if (counts.containsKey(NONE)) {
            index.put(NONE, categories.size());
            categories.add(new Category(NONE, Palette.NEUTRAL, counts.get(NONE)));
        }
        int[] categoryOf = new int[values.size()];
        int[] colours = new int[values.size()];
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null || values.get(i).isEmpty() ? NONE : values.get(i);
            categoryOf[i] = index.getOrDefault(value, other);
            colours[i] = categories.get(categoryOf[i]).colour();
        }
        return new Colouring(title, colours, List.copyOf(categories), categoryOf, Optional.empty());
    }

    /** A colour scale from the lowest to the highest score. */
    public static Colouring scores(String title, double[] scores) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            low = Math.min(low, s);
            high = Math.max(high, s);
        }
        double span = high > low ? high - low : 1;
        int[] colours = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            colours[i] = Palette.score((scores[i] - low) / span);
        }
        return new Colouring(title, colours, List.of(new Category(title, Palette.score(1), scores.length)),
                new int[scores.length], Optional.of(new double[] {low, high}));
    }
}
