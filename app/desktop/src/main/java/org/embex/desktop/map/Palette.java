package org.embex.desktop.map;

/** Colours for categories and for scores. */
public final class Palette {

    /** Twenty colours that stay apart from each other on a light and on a dark background. */
    private static final int[] CATEGORICAL = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x59A14F, 0xB07AA1, 0x76B7B2, 0xEDC948, 0xFF9DA7, 0x9C755F, 0x2F9BD6,
        0x8CD17D, 0xD37295, 0x499894, 0xF1CE63, 0x86BCB6, 0xB6992D, 0xA0CBE8, 0xD4A6C8, 0x7A5195, 0xFF7C43,
    };

    /** Stops of the viridis colour map (van der Walt and Smith 2015), dark to light. */
    private static final int[] SCORE_STOPS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};

    public static final int NEUTRAL = 0x9AA0A6;
    /** The values folded together past the palette's size: a lighter grey than the rows without a value. */
    public static final int OTHER = 0xC8CDD2;

    private Palette() {
    }

    public static int categories() {
        return CATEGORICAL.length;
    }

    public static int category(int index) {
        return CATEGORICAL[index % CATEGORICAL.length];
    }

    /** The colour of a score in [0, 1]. */
    public static int score(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (SCORE_STOPS.length - 1);
        int low = Math.min(SCORE_STOPS.length - 2, (int) position);
        double f = position - low;
        int a = SCORE_STOPS[low];
        int b = SCORE_STOPS[low + 1];
        return mix(a >> 16 & 0xFF, b >> 16 & 0xFF, f) << 16 | mix(a >> 8 & 0xFF, b >> 8 & 0xFF, f) << 8 | mix(a & 0xFF, b & 0xFF, f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /** {@code #rrggbb}, for style sheets. */
    public static String css(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
