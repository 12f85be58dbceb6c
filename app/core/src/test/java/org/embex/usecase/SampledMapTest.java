package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.BadInputException;

class SampledMapTest {

    /** Points near one of four far-apart directions in 16 dimensions; point i near direction i mod 4. */
    private static List<float[]> points(int count, long seed) {
        Random random = new Random(seed);
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] p = new float[16];
            p[i % 4] = 5;
            for (int j = 0; j < 16; j++) {
                p[j] += (float) (random.nextGaussian() * 0.3);
            }
            points.add(p);
        }
        return points;
    }

    @Test
    void aPointTakesTheClusterOfItsGroupAndTheMapSurvivesTheTripToAnExecutor() throws Exception {
        SampledMap map = SampledMap.of(points(200, 1), 4, 42);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(map);
        }
        SampledMap shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (SampledMap) in.readObject();
        }

        List<float[]> others = points(40, 2);
        List<SampledMap.Place> places = shipped.placer().place(others);

        assertThat(places).hasSize(40);
        for (int i = 0; i < 40; i++) {
            // Each group is one cluster: the cluster of a point is that of every other point of its group.
            assertThat(places.get(i).cluster()).as("point %d", i).isEqualTo(places.get(i % 4).cluster());
        }
        assertThat(places.stream().map(SampledMap.Place::cluster).distinct()).hasSize(4);
        assertThat(places).isEqualTo(map.placer().place(others));
    }

    @Test
    void aSampleTooSmallForUmapIsRefused() {
        assertThatThrownBy(() -> SampledMap.of(points(15, 1), 4, 42)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than 15 sample points, found 15");
    }
}
