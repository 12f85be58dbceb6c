package org.embex.desktop.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Which names the map writes in a view: those of the finest level whose groups in view can all be
 * named without two names overlapping. Zoomed out, clusters crowd and their clusters are named
 * instead; zoomed in, they spread and each is named. Where even the coarsest level crowds, its
 * largest groups are named first and a name that would overlap one already written is left out.
 */
public final class LabelPlacement {

    /** The size of the names' bold font, and their line's height, in pixels: the window's map and the map figure write alike. */
    public static final double NAME_SIZE = 12.5;
    public static final double NAME_HEIGHT = 17;

    /** Space kept around each name, in pixels, so that two names never touch. */
    static final double GAP = 4;

    /** A name written on screen: its box's top-left corner and size, in pixels. */
    public record Placed(String text, double x, double y, double width, double height, int level) {

        boolean overlaps(Placed other) {
            return x < other.x + other.width + GAP && other.x < x + width + GAP
                    && y < other.y + other.height + GAP && other.y < y + height + GAP;
        }
    }

    private LabelPlacement() {
    }

    /**
     * @param width      a name's width in pixels, in the font it is written in
     * @param lineHeight a name's height in pixels
     */
    public static List<Placed> place(MapLabels labels, Viewport view, ToDoubleFunction<String> width, double lineHeight) {
        List<List<MapLabels.Place>> levels = labels.levels();
        for (int level = 0; level < levels.size(); level++) {
            List<Placed> inView = inView(levels.get(level), level, view, width, lineHeight);
            List<Placed> placed = withoutOverlaps(inView);
            if (placed.size() == inView.size() || level == levels.size() - 1) {
                return placed;
            }
        }
        return List.of();
    }

    private static List<Placed> inView(List<MapLabels.Place> places, int level, Viewport view, ToDoubleFunction<String> width,
                                       double lineHeight) {
        List<Placed> boxes = new ArrayList<>();
        places.stream().sorted(Comparator.comparingInt(MapLabels.Place::size).reversed()).forEach(place -> {
            double sx = view.screenX(place.x());
            double sy = view.screenY(place.y());
            if (sx < 0 || sy < 0 || sx > view.width() || sy > view.height()) {
                return;
            }
            double w = Math.min(width.applyAsDouble(place.text()), view.width());
            // Centred on the group, moved inward where the edge would cut it.
            double x = Math.max(0, Math.min(view.width() - w, sx - w / 2));
            double y = Math.max(0, Math.min(view.height() - lineHeight, sy - lineHeight / 2));
            boxes.add(new Placed(place.text(), x, y, w, lineHeight, level));
        });
        return boxes;
    }

    private static List<Placed> withoutOverlaps(List<Placed> largestFirst) {
        List<Placed> placed = new ArrayList<>();
        for (Placed box : largestFirst) {
            if (placed.stream().noneMatch(box::overlaps)) {
                placed.add(box);
            }
        }
        return placed;
    }
}
