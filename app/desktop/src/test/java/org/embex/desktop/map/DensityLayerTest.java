package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.BitSet;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.embex.desktop.Fixtures;
import org.embex.layout.Layout;

class DensityLayerTest {

    /** 100,000 points: three quarters in a tight clump at (−2, 0), the rest spread thin around (2, 0). */
    private static Layout clumpAndScatter(int n) {
        Random random = new Random(3);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            boolean clump = i % 4 != 0;
            x[i] = (float) ((clump ? -2 : 2) + random.nextGaussian() * (clump ? 0.2 : 1.0));
            y[i] = (float) (random.nextGaussian() * (clump ? 0.2 : 1.0));
        }
        return new Layout(x, y);
    }

    private static DrawList points(Layout layout, BitSet hidden) {
        DrawList points = new DrawList(layout, new PointGrid(layout));
        int[] colours = new int[layout.points()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = Palette.category(i % 4 == 0 ? 1 : 0);
        }
        points.colour(colours);
        points.hide(hidden);
        return points;
    }

    @Test
    void theClumpIsTheDensestPlaceAndAnEmptyCornerHasNone() {
        Layout layout = clumpAndScatter(100_000);
        Viewport view = new Viewport(0, 0, 60, 640, 400);

        DensityLayer.Heat heat = DensityLayer.heat(view, points(layout, new BitSet()));

        float atClump = cell(heat, view, -2, 0);
        float inScatter = cell(heat, view, 2, 0);
        float corner = cell(heat, view, -5, 3.2);
        assertThat(atClump).isGreaterThan(0.99f);
        assertThat(inScatter).isBetween(0.2f, 0.9f);
        assertThat(corner).isZero();
    }

    @Test
    void hiddenPointsAddNoDensity() {
        Layout layout = clumpAndScatter(20_000);
        BitSet clump = new BitSet();
        for (int i = 0; i < layout.points(); i++) {
            if (i % 4 != 0) {
                clump.set(i);
            }
        }
        Viewport view = new Viewport(0, 0, 60, 640, 400);

        DensityLayer.Heat heat = DensityLayer.heat(view, points(layout, clump));

        assertThat(cell(heat, view, -2, 0)).isLessThan(0.2f);
        assertThat(cell(heat, view, 2, 0)).isGreaterThan(0.8f);
    }

    @Test
    void densityIsOnByItselfFromFiftyThousandPoints() {
        assertThat(DensityLayer.onByDefault(402)).isFalse();
        assertThat(DensityLayer.onByDefault(DensityLayer.ON_FROM - 1)).isFalse();
        assertThat(DensityLayer.onByDefault(DensityLayer.ON_FROM)).isTrue();
    }

    @Test
    void theBandsShadeTheSamePictureAsOneThreadAndItIsSavedToLookAt() throws Exception {
        Layout layout = clumpAndScatter(200_000);
        Viewport view = Viewport.fit(layout, 800, 500);
        DrawList all = points(layout, new BitSet());
        int[] one = new int[800 * 500];
        int[] four = new int[800 * 500];
        PointStyle style = PointStyle.forPoints(layout.points());
        new PointRenderer(style, 1).render(one, view, 0xFFFFFF, all, true);
        new PointRenderer(style, 4).render(four, view, 0xFFFFFF, all, true);
        int[] without = new int[800 * 500];
        new PointRenderer(style, 4).render(without, view, 0xFFFFFF, all, false);

        assertThat(four).isEqualTo(one);
        assertThat(four).isNotEqualTo(without);
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 800, 500, four, 0, 800);
        Files.createDirectories(Fixtures.screenshots());
        ImageIO.write(image, "png", Fixtures.screenshots().resolve("density-200k.png").toFile());
    }

    private static float cell(DensityLayer.Heat heat, Viewport view, double worldX, double worldY) {
        int px = (int) Math.floor(view.screenX(worldX));
        int py = (int) Math.floor(view.screenY(worldY));
        return heat.cells()[py / DensityLayer.CELL * heat.columns() + px / DensityLayer.CELL];
    }
}
