package org.embex.desktop.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.embex.cluster.TopicTree;
import org.embex.layout.Layout;

/**
 * Names to write on the map, in levels from the finest (a name per cluster or category) to the
 * coarsest (clusters of clusters), each at its group's centre in map coordinates.
 */
public record MapLabels(List<List<Place>> levels) {

    /** Words of a group's topic written on the map: enough to tell groups apart, short enough to fit. */
    public static final int WORDS = 3;

    public static final MapLabels NONE = new MapLabels(List.of());

    /** A name at a place; {@code size} (rows) decides which name wins where two would overlap. */
    public record Place(String text, double x, double y, int size) {
    }

    public MapLabels {
        levels = levels.stream().map(List::copyOf).toList();
    }

    /**
     * Each level of a topic tree, named by its first {@link #WORDS} words, where its rows are.
     *
     * @param assignments each row's cluster, or −1 for a row not shown (noise, hidden, filtered out):
     *                    a group with no row shown is not named
     */
    public static MapLabels of(Layout layout, TopicTree tree, int[] assignments) {
        if (tree.levels().isEmpty()) {
            return NONE;
        }
        int clusters = tree.levels().get(0).groups();
        double[][] centres = medians(layout, assignments, clusters);
        int[] shown = new int[clusters];
        for (int id : assignments) {
            if (id >= 0) {
                shown[id]++;
            }
        }
        List<List<Place>> levels = new ArrayList<>();
        for (TopicTree.Level level : tree.levels()) {
            double[] x = new double[level.groups()];
            double[] y = new double[level.groups()];
            long[] rows = new long[level.groups()];
            // A group's centre is its clusters' centres weighted by their rows.
            for (int id = 0; id < level.groupOf().length; id++) {
                int size = shown[id];
                int g = level.groupOf()[id];
                x[g] += centres[0][id] * size;
                y[g] += centres[1][id] * size;
                rows[g] += size;
            }
            List<Place> places = new ArrayList<>();
            for (int g = 0; g < level.groups(); g++) {
                if (rows[g] > 0 && !level.words().get(g).isEmpty()) {
                    places.add(new Place(name(level.words().get(g)), x[g] / rows[g], y[g] / rows[g], (int) rows[g]));
                }
            }
            levels.add(places);
        }
        return new MapLabels(levels);
    }

    /**
     * One level: each category's name at its centre, except "other" and rows without a value.
     *
     * @param notShown rows hidden or filtered out: a category with none shown is not named
     */
    public static MapLabels of(Layout layout, Colouring colouring, BitSet notShown) {
        if (colouring.scoreRange().isPresent() || colouring.categories().size() < 2) {
            return NONE;
        }
        int[] categoryOf = colouring.categoryOf().clone();
        notShown.stream().filter(i -> i < categoryOf.length).forEach(i -> categoryOf[i] = -1);
        int[] shown = new int[colouring.categories().size()];
        for (int c : categoryOf) {
            if (c >= 0) {
                shown[c]++;
            }
        }
        double[][] centres = medians(layout, categoryOf, shown.length);
        List<Place> places = new ArrayList<>();
        for (int c = 0; c < colouring.categories().size(); c++) {
            Colouring.Category category = colouring.categories().get(c);
            if (category.colour() != Palette.OTHER && category.colour() != Palette.NEUTRAL && shown[c] > 0) {
                places.add(new Place(category.name(), centres[0][c], centres[1][c], shown[c]));
            }
        }
        return new MapLabels(List.of(places));
    }

    private static String name(List<String> words) {
        return String.join(" · ", words.subList(0, Math.min(WORDS, words.size())));
    }

    /** Each group's median x and y: a few far-flung rows do not drag the name off the group. */
    private static double[][] medians(Layout layout, int[] groupOf, int groups) {
        int[] counts = new int[groups];
        for (int g : groupOf) {
            if (g >= 0) {
                counts[g]++;
            }
        }
        float[][] xs = new float[groups][];
        float[][] ys = new float[groups][];
        for (int g = 0; g < groups; g++) {
            xs[g] = new float[counts[g]];
            ys[g] = new float[counts[g]];
        }
        int[] filled = new int[groups];
        for (int i = 0; i < groupOf.length; i++) {
            int g = groupOf[i];
            if (g >= 0) {
                xs[g][filled[g]] = layout.x()[i];
                ys[g][filled[g]++] = layout.y()[i];
            }
        }
        double[][] centres = new double[2][groups];
        for (int g = 0; g < groups; g++) {
            centres[0][g] = median(xs[g]);
            centres[1][g] = median(ys[g]);
        }
        return centres;
    }

    private static double median(float[] values) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
