package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

import org.embex.projection.Layout;

class PointRendererTest {

    private static final int WHITE = 0xFFFFFF;

    @Test
    void aPointColoursThePixelsAtItsPlaceAndNoOthers() {
        Layout layout = new Layout(new float[] {0, 30}, new float[] {0, 0});
        Viewport view = new Viewport(0, 0, 10, 200, 100);
        int[] pixels = new int[200 * 100];
        PointRenderer renderer = new PointRenderer(new PointStyle(2, 1));

        int drawn = renderer.render(pixels, view, WHITE, layout, new int[] {0xFF0000, 0x0000FF}, new BitSet());

        assertThat(drawn).isEqualTo(1);
        assertThat(pixels[50 * 200 + 100]).isEqualTo(0xFFFF0000);
        assertThat(pixels[50 * 200 + 101]).isEqualTo(0xFFFF0000);
        assertThat(pixels[10 * 200 + 10]).isEqualTo(0xFFFFFFFF);
        long coloured = java.util.Arrays.stream(pixels).filter(p -> p != 0xFFFFFFFF).count();
        // A disc of radius 2 with an anti-aliased rim: about π·2.5² pixels touched.
        assertThat(coloured).isBetween(12L, 30L);
    }

    @Test
    void hiddenPointsAreNotDrawnAndOverlapsBlend() {
        Layout layout = new Layout(new float[] {0, 0, 0}, new float[] {0, 0, 0});
        Viewport view = new Viewport(0, 0, 10, 50, 50);
        int[] pixels = new int[50 * 50];
        PointRenderer renderer = new PointRenderer(new PointStyle(1, 0.5));
        BitSet hidden = new BitSet();
        hidden.set(2);

        int drawn = renderer.render(pixels, view, WHITE, layout, new int[] {0x000000, 0x000000, 0xFF0000}, hidden);

        assertThat(drawn).isEqualTo(2);
        int centre = pixels[25 * 50 + 25];
        // Two black points at half opacity over white leave a quarter of the white: grey 64, no red.
        assertThat(centre & 0xFF).isBetween(62, 66);
        assertThat((centre >> 16) & 0xFF).isEqualTo(centre & 0xFF);
    }
}
