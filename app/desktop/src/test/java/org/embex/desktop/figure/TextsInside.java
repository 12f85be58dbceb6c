package org.embex.desktop.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What a reader of any figure needs first: no text cut by its edges. */
final class TextsInside {

    private TextsInside() {
    }

    static void check(List<Pen.Placed> texts, int width, int height) {
        for (Pen.Placed placed : texts) {
            assertThat(placed.bounds().getMinX()).as("'%s' starts inside", placed.text()).isGreaterThanOrEqualTo(0);
            assertThat(placed.bounds().getMaxX()).as("'%s' ends inside", placed.text()).isLessThanOrEqualTo(width);
            assertThat(placed.bounds().getMinY()).as("'%s' top", placed.text()).isGreaterThanOrEqualTo(0);
            assertThat(placed.bounds().getMaxY()).as("'%s' bottom", placed.text()).isLessThanOrEqualTo(height);
        }
    }
}
