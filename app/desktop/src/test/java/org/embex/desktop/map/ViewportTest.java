package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import org.embex.layout.Layout;

class ViewportTest {

    private final Layout layout = new Layout(new float[] {-3, 5, 1}, new float[] {2, -4, 10});

    @Test
    void fitShowsEveryPointInsideTheView() {
        Viewport view = Viewport.fit(layout, 800, 600);
        for (int i = 0; i < layout.points(); i++) {
            assertThat(view.screenX(layout.x()[i])).isBetween(0.0, 800.0);
            assertThat(view.screenY(layout.y()[i])).isBetween(0.0, 600.0);
        }
        // The taller extent (14 units) decides the scale; some margin is left.
        assertThat(view.scale()).isLessThan(600 / 14.0).isGreaterThan(0.8 * 600 / 14.0);
    }

    @Test
    void screenAndWorldAreInverses() {
        Viewport view = new Viewport(2, -1, 37.5, 640, 480);
        assertThat(view.worldX(view.screenX(4.25))).isCloseTo(4.25, within(1e-9));
        assertThat(view.worldY(view.screenY(-7.5))).isCloseTo(-7.5, within(1e-9));
        assertThat(view.screenY(0)).isLessThan(view.screenY(-1));
    }

    @Test
    void zoomKeepsThePointUnderThePointerInPlace() {
        Viewport view = new Viewport(0, 0, 10, 800, 600);
        double worldX = view.worldX(123);
        double worldY = view.worldY(456);
        Viewport zoomed = view.zoomAbout(123, 456, 3.7);
        assertThat(zoomed.scale()).isCloseTo(37, within(1e-9));
        assertThat(zoomed.screenX(worldX)).isCloseTo(123, within(1e-6));
        assertThat(zoomed.screenY(worldY)).isCloseTo(456, within(1e-6));
    }

    @Test
    void panMovesContentWithThePointer() {
        Viewport view = new Viewport(0, 0, 10, 800, 600);
        Viewport panned = view.panBy(30, -20);
        assertThat(panned.screenX(1)).isCloseTo(view.screenX(1) + 30, within(1e-9));
        assertThat(panned.screenY(1)).isCloseTo(view.screenY(1) - 20, within(1e-9));
    }
}
