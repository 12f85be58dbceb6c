package org.embex.desktop.map;

/** Colours for categories and for scores. */
public final class Palette {

    /**
     * Twenty colours a reader with any common colour-vision deficiency can tell apart, most distinct
     * first (most corpora have fewer than ten labels): five of Okabe and Ito's (Color Universal
     * Design, 2008), then each the colour whose nearest neighbour, the greys included, is farthest by
     * CIEDE2000 under normal, protan, deutan and tritan vision (Machado, Oliveira and Fernandes 2009)
     * at once, among colours legible on the light and the dark map. The first eight stay 12.0 apart in
     * every vision, all twenty 6.5 (the palette before had a red and a green 0.7 apart for
     * deuteranopes). Decision record 0024.
     */
    private static final int[] CATEGORICAL = {
        0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0x99CC88, 0xBB2200, 0x8877FF, 0xCC0099, 0x447744,
        0xCC77BB, 0x7711FF, 0xBB9955, 0xFF6699, 0xAA5577, 0x778844, 0x00DD55, 0x8855EE, 0xBB6699, 0xFF77DD,
    };

    /** Stops of the viridis colour map (van der Walt and Smith 2015), dark to light. */
    private static final int[] SCORE_STOPS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};

    /** The two classes of a threshold study (in scope, out of scope), told apart in every vision: Okabe and Ito's blue and orange. */
    public static final int POSITIVE = 0x0072B2;
    public static final int NEGATIVE = 0xE69F00;

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
