package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** A tool window's place beside the map's window, on screens of different room. */
class BesideTest {

    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 3000, 1200);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1600, 1000);

    @Test
    void toTheRightWhenThereIsRoomElseToTheLeft() {
        Beside right = Beside.place(WIDE, new Rectangle2D(100, 50, 1400, 900), 1280, 820);
        assertThat(right.tool()).isEqualTo(new Rectangle2D(1500, 50, 1280, 820));
        assertThat(right.owner()).isEqualTo(new Rectangle2D(100, 50, 1400, 900));

        Beside left = Beside.place(WIDE, new Rectangle2D(1600, 50, 1400, 900), 1280, 820);
        assertThat(left.tool().getMaxX()).isEqualTo(1600);
        assertThat(left.tool().intersects(left.owner())).isFalse();
    }

    @Test
    void aScreenWithoutRoomIsSplitTheMapOnTheLeft() {
        Beside split = Beside.place(LAPTOP, new Rectangle2D(100, 60, 1280, 820), 1280, 820);
        assertThat(split.owner()).isEqualTo(new Rectangle2D(0, 0, 800, 1000));
        assertThat(split.tool()).isEqualTo(new Rectangle2D(800, 0, 800, 1000));
        assertThat(split.tool().intersects(split.owner())).isFalse();
    }

    @Test
    void aToolTallerThanTheScreenIsCutToIt() {
        Beside right = Beside.place(WIDE, new Rectangle2D(0, 900, 1400, 300), 1280, 1500);
        assertThat(right.tool().getHeight()).isEqualTo(1200);
        assertThat(right.tool().getMinY()).isEqualTo(0);
    }
}
