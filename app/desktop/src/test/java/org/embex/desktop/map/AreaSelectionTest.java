package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

import org.embex.layout.Layout;

class AreaSelectionTest {

    // Screen positions with the view below: (100 + 10x, 100 − 10y).
    private final Layout layout = new Layout(new float[] {0, 5, -5, 0, 8}, new float[] {0, 0, 0, 5, 8});
    private final Viewport view = new Viewport(0, 0, 10, 200, 200);

    @Test
    void aBoxSelectsThePointsInsideIt() {
        BitSet inside = AreaSelection.box(layout, view, 160, 40, 90, 110, new BitSet());
        assertThat(inside.stream().toArray()).containsExactly(0, 1, 3);
    }

    @Test
    void aLassoFollowsItsOutlineAndSkipsHiddenPoints() {
        // A triangle around points 0, 1 and 3 (screen 100,100 / 150,100 / 100,50) but not 2 or 4.
        double[] xs = {90, 170, 90};
        double[] ys = {110, 110, 30};
        assertThat(AreaSelection.lasso(layout, view, xs, ys, new BitSet()).stream().toArray()).containsExactly(0, 1, 3);
        BitSet hidden = new BitSet();
        hidden.set(1);
        assertThat(AreaSelection.lasso(layout, view, xs, ys, hidden).stream().toArray()).containsExactly(0, 3);
    }

    @Test
    void aConcaveOutlineLeavesItsNotchOut() {
        // A "U": the notch between the arms is outside.
        double[] xs = {0, 30, 30, 20, 20, 10, 10, 0};
        double[] ys = {0, 0, 30, 30, 10, 10, 30, 30};
        assertThat(AreaSelection.contains(xs, ys, 5, 20)).isTrue();
        assertThat(AreaSelection.contains(xs, ys, 15, 20)).isFalse();
        assertThat(AreaSelection.contains(xs, ys, 15, 5)).isTrue();
    }
}
