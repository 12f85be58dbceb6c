package org.embex.neighbours;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/** The sweep on 3,000 clustered rows: recall as the search widens, both indexes measured, the front marked. */
class IndexSweepTest {

    private static final int DIMS = 32;

    private static VectorMatrix clustered(int count) {
        Random random = new Random(5);
        float[][] centres = new float[30][DIMS];
        for (float[] centre : centres) {
            for (int j = 0; j < DIMS; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] centre = centres[random.nextInt(centres.length)];
            float[] row = new float[DIMS];
            for (int j = 0; j < DIMS; j++) {
                row[j] = centre[j] + (float) (0.6 * random.nextGaussian());
            }
            rows.add(row);
        }
        return VectorMatrix.of(rows, DIMS);
    }

    private static final IndexSweep.Plan PLAN = new IndexSweep.Plan(List.of(6, 14), List.of(1, 4), List.of(10, 40, 160),
            List.of(new int[] {8, 60}, new int[] {16, 60}), 150, 10, 42);

    @Test
    void eachSettingIsMeasuredAndAWiderSearchFindsMore() {
        VectorMatrix data = clustered(3000);
        long[] steps = new long[2];
        IndexSweep sweep = IndexSweep.run(data, Metric.COSINE, PLAN, (done, total) -> {
            steps[0] = done;
            steps[1] = total;
        }, CancellationToken.none());

        // Exact search, 2 degrees × 2 tree counts × 3 widths, 2 of Lucene's M × 3 widths.
        assertThat(sweep.settings()).hasSize(1 + 12 + 6);
        assertThat(steps).containsExactly(7, 7);
        IndexSweep.Setting exact = sweep.settings().get(0);
        assertThat(exact.index()).isEqualTo(IndexSweep.EXACT);
        assertThat(exact.recall()).isEqualTo(1.0);
        for (String index : List.of(IndexSweep.GRAPH, IndexSweep.HNSW)) {
            List<IndexSweep.Setting> of = sweep.settings().stream().filter(s -> s.index().equals(index)).toList();
            assertThat(of).allSatisfy(setting -> {
                assertThat(setting.recall()).isBetween(0.3, 1.0);
                assertThat(setting.millis()).isPositive();
                assertThat(setting.buildSeconds()).isPositive();
                assertThat(setting.bytesPerPoint()).isPositive();
            });
        }
        // Per graph, the widest search finds at least what the narrowest does, and the narrowest misses some.
        IndexSweep.Setting narrow = find(sweep, IndexSweep.GRAPH, 6, 1, 10);
        IndexSweep.Setting wide = find(sweep, IndexSweep.GRAPH, 6, 1, 160);
        assertThat(wide.recall()).isGreaterThan(narrow.recall());
        assertThat(narrow.recall()).isLessThan(1.0);
        // A denser graph holds more links a row; Lucene's graph with twice the links is larger too.
        assertThat(find(sweep, IndexSweep.GRAPH, 14, 1, 10).bytesPerPoint()).isGreaterThan(narrow.bytesPerPoint());
        assertThat(sweep.settings().stream().filter(s -> s.index().equals(IndexSweep.HNSW) && s.parameters().get("M") == 16)
                .findFirst().orElseThrow().bytesPerPoint())
                .isGreaterThan(sweep.settings().stream().filter(s -> s.index().equals(IndexSweep.HNSW) && s.parameters().get("M") == 8)
                        .findFirst().orElseThrow().bytesPerPoint());
    }

    @Test
    void theFrontIsWhatNoOtherSettingBeatsOnBothRecallAndTime() {
        IndexSweep sweep = IndexSweep.run(clustered(2000), Metric.COSINE, PLAN, ProgressListener.NONE, CancellationToken.none());
        assertThat(sweep.front()).isNotEmpty();
        for (IndexSweep.Setting setting : sweep.settings()) {
            boolean beaten = sweep.settings().stream().anyMatch(other -> other.recall() >= setting.recall() && other.millis() <= setting.millis()
                    && (other.recall() > setting.recall() || other.millis() < setting.millis()));
            assertThat(setting.pareto()).as(setting.label()).isEqualTo(!beaten);
        }
    }

    @Test
    void luceneFindsWhatExactSearchFindsWhenItKeepsEveryRow() {
        VectorMatrix data = clustered(500);
        try (LuceneHnsw index = LuceneHnsw.build(data, Metric.COSINE, 16, 100)) {
            float[] query = data.row(7);
            int[] exact = data.topK(query, 10, Metric.COSINE).stream().mapToInt(Neighbour::index).toArray();
            assertThat(index.search(query, 10, 500)).containsExactly(exact);
        }
    }

    private static IndexSweep.Setting find(IndexSweep sweep, String index, int degree, int trees, int ef) {
        return sweep.settings().stream().filter(s -> s.index().equals(index) && s.parameters().get("degree") == degree
                && s.parameters().get("trees") == trees && s.parameters().get("ef") == ef).findFirst().orElseThrow();
    }
}
