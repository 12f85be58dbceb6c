package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The categorical palette as readers with normal vision and with each common dichromacy see it. */
class PaletteTest {

    private static final int WHITE = 0xFFFFFF;
    /** The dark theme's map. */
    private static final int DARK = 0x0D1117;

    /** The measure itself: zero for one colour, 100 from black to white, red and green close to a deuteranope only. */
    @Test
    void ciede2000AgreesWithItsPublishedTestData() {
        assertThat(ColourVision.difference(0x000000, 0x000000, 0)).isZero();
        // Black against white is 100 in CIEDE2000 (L* 0 to 100, no chroma).
        assertThat(ColourVision.difference(0x000000, 0xFFFFFF, 0)).isCloseTo(100.0, within(0.01));
        // Pure red against pure green: a large difference to normal vision, small to a deuteranope.
        assertThat(ColourVision.difference(0xFF0000, 0x00FF00, 0)).isGreaterThan(80);
        assertThat(ColourVision.difference(0xFF0000, 0x00FF00, 2)).isLessThan(ColourVision.difference(0xFF0000, 0x00FF00, 0) / 2);
    }

    @Test
    void twentyColoursStayApartInEveryVisionTheFirstEightMost() {
        assertThat(Palette.categories()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < i; j++) {
                double least = ColourVision.leastDifference(Palette.category(i), Palette.category(j));
                assertThat(least).as("colours %d and %d, in the vision that sees them closest", j, i).isGreaterThanOrEqualTo(i < 8 ? 11.9 : 6.4);
            }
            for (int grey : new int[] {Palette.NEUTRAL, Palette.OTHER}) {
                assertThat(ColourVision.leastDifference(Palette.category(i), grey)).as("colour %d against the greys", i)
                        .isGreaterThanOrEqualTo(8.5);
            }
        }
    }

    @Test
    void everyColourReadsOnTheLightAndTheDarkMap() {
        for (int i = 0; i < Palette.categories(); i++) {
            assertThat(ColourVision.leastDifference(Palette.category(i), WHITE)).as("colour %d on white", i).isGreaterThanOrEqualTo(20);
            assertThat(ColourVision.leastDifference(Palette.category(i), DARK)).as("colour %d on the dark map", i).isGreaterThanOrEqualTo(28);
        }
    }
}
