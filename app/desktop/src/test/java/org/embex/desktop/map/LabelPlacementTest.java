package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabelPlacementTest {

    /** Every name is 7 pixels a character wide, 16 high. */
    private static double width(String text) {
        return 7.0 * text.length();
    }

    /**
     * Sixteen clusters in four corners of the unit square, four to a corner and close together;
     * the corners are the coarser level.
     */
    private static MapLabels corners() {
        List<MapLabels.Place> clusters = new ArrayList<>();
        List<MapLabels.Place> corners = new ArrayList<>();
        double[][] at = {{0.1, 0.1}, {0.9, 0.1}, {0.1, 0.9}, {0.9, 0.9}};
        for (int corner = 0; corner < 4; corner++) {
            for (int k = 0; k < 4; k++) {
                clusters.add(new MapLabels.Place("cluster " + corner + "." + k, at[corner][0] + 0.02 * (k % 2),
                        at[corner][1] + 0.02 * (k / 2), 10 + k));
            }
            corners.add(new MapLabels.Place("corner " + corner, at[corner][0] + 0.01, at[corner][1] + 0.01, 46));
        }
        return new MapLabels(List.of(clusters, corners));
    }

    private static void noneOverlapAndAllInside(List<LabelPlacement.Placed> placed, Viewport view) {
        for (int a = 0; a < placed.size(); a++) {
            LabelPlacement.Placed box = placed.get(a);
            assertThat(box.x()).isGreaterThanOrEqualTo(0);
            assertThat(box.y()).isGreaterThanOrEqualTo(0);
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(view.width());
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(view.height());
            for (int b = a + 1; b < placed.size(); b++) {
                assertThat(box.overlaps(placed.get(b))).as("%s and %s", box.text(), placed.get(b).text()).isFalse();
            }
        }
    }

    @Test
    void zoomedOutTheClustersOfClustersAreNamedAndZoomedInEachCluster() {
        MapLabels labels = corners();
        Viewport whole = new Viewport(0.5, 0.5, 500, 600, 600);
        List<LabelPlacement.Placed> out = LabelPlacement.place(labels, whole, LabelPlacementTest::width, 16);
        assertThat(out).extracting(LabelPlacement.Placed::text).containsExactlyInAnyOrder("corner 0", "corner 1", "corner 2", "corner 3");
        noneOverlapAndAllInside(out, whole);

        // Zoomed in on one corner, its four clusters are far enough apart to be named each.
        Viewport corner = new Viewport(0.11, 0.11, 12_000, 600, 600);
        List<LabelPlacement.Placed> in = LabelPlacement.place(labels, corner, LabelPlacementTest::width, 16);
        assertThat(in).extracting(LabelPlacement.Placed::text)
                .containsExactlyInAnyOrder("cluster 0.0", "cluster 0.1", "cluster 0.2", "cluster 0.3");
        assertThat(in).allMatch(box -> box.level() == 0);
        noneOverlapAndAllInside(in, corner);
    }

    @Test
    void whereEvenTheCoarsestCrowdsTheLargestGroupsAreNamedAndNoneOverlap() {
        MapLabels labels = corners();
        Viewport tiny = new Viewport(0.5, 0.5, 15, 120, 120);
        List<LabelPlacement.Placed> placed = LabelPlacement.place(labels, tiny, LabelPlacementTest::width, 16);
        assertThat(placed).isNotEmpty().hasSizeLessThan(4).allMatch(box -> box.level() == 1);
        noneOverlapAndAllInside(placed, tiny);
        // A name near the edge is moved in, not cut.
        Viewport edge = new Viewport(0.9, 0.9, 400, 600, 600);
        noneOverlapAndAllInside(LabelPlacement.place(labels, edge, LabelPlacementTest::width, 16), edge);
    }

    @Test
    void aGroupWhoseCentreIsOutOfViewIsNotNamed() {
        Viewport corner = new Viewport(0.11, 0.11, 12_000, 600, 600);
        assertThat(LabelPlacement.place(corners(), corner, LabelPlacementTest::width, 16))
                .extracting(LabelPlacement.Placed::text).noneMatch(text -> text.startsWith("cluster 3"));
    }
}
