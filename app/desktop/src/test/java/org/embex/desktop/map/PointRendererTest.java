package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

import org.embex.layout.Layout;

class PointRendererTest {

    private static final int WHITE = 0xFFFFFF;

    private static DrawList points(Layout layout, int[] colours, BitSet hidden) {
        DrawList points = new DrawList(layout, new PointGrid(layout));
        points.colour(colours);
        points.hide(hidden);
        return points;
    }

    @Test
    void theBandsDrawTheSamePictureAsOneThread() {
        java.util.Random random = new java.util.Random(5);
        int n = 120_000;
        float[] x = new float[n];
        float[] y = new float[n];
        int[] colours = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
            y[i] = (float) random.nextGaussian();
            colours[i] = Palette.category(random.nextInt(20));
        }
        Layout layout = new Layout(x, y);
        Viewport view = Viewport.fit(layout, 640, 480).zoomAbout(300, 200, 1.7);
        DrawList all = points(layout, colours, new BitSet());
        int[] oneBand = new int[640 * 480];
        int[] fourBands = new int[640 * 480];
        int drawnOne = new PointRenderer(new PointStyle(3, 0.6), 1).render(oneBand, view, WHITE, all, false);
        int drawnFour = new PointRenderer(new PointStyle(3, 0.6), 4).render(fourBands, view, WHITE, all, false);

        assertThat(drawnFour).isEqualTo(drawnOne).isGreaterThan(n / 2).isLessThan(n);
        assertThat(fourBands).isEqualTo(oneBand);
        // No point is lost to the rows a band skips: the count matches a scan of every point.
        long inView = java.util.stream.IntStream.range(0, n).filter(i -> {
            // The renderer rounds to the nearest pixel and keeps discs that reach into the view (4 px for radius 3).
            double sx = view.screenX(x[i]) + 0.5;
            double sy = view.screenY(y[i]) + 0.5;
            return sx >= -4 && sx < 644 && sy >= -4 && sy < 484;
        }).count();
        assertThat((double) drawnOne).isCloseTo(inView, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void aPointColoursThePixelsAtItsPlaceAndNoOthers() {
        Layout layout = new Layout(new float[] {0, 30}, new float[] {0, 0});
        Viewport view = new Viewport(0, 0, 10, 200, 100);
        int[] pixels = new int[200 * 100];
        PointRenderer renderer = new PointRenderer(new PointStyle(2, 1));

        int drawn = renderer.render(pixels, view, WHITE, points(layout, new int[] {0xFF0000, 0x0000FF}, new BitSet()), false);

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

        int drawn = renderer.render(pixels, view, WHITE, points(layout, new int[] {0x000000, 0x000000, 0xFF0000}, hidden), false);

        assertThat(drawn).isEqualTo(2);
        int centre = pixels[25 * 50 + 25];
        // Two black points at half opacity over white leave a quarter of the white: grey 64, no red.
        assertThat(centre & 0xFF).isBetween(62, 66);
        assertThat((centre >> 16) & 0xFF).isEqualTo(centre & 0xFF);
    }
}
