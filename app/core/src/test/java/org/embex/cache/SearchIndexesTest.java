package org.embex.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.neighbours.NeighbourSearch;
import org.embex.vectors.VectorMatrix;

class SearchIndexesTest {

    private static VectorMatrix rows() {
        Random random = new Random(4);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            float[] row = new float[16];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() + (i % 6);
            }
            rows.add(row);
        }
        return VectorMatrix.of(rows, 16);
    }

    @Test
    void aGraphIsBuiltOnceKeptInTheFileAndReadBackForTheSameCorpusAndModel(@TempDir Path dir) {
        VectorMatrix data = rows();
        Path file = dir.resolve("cache.sqlite");
        float[] query = data.row(17);
        List<Neighbour> first;
        try (VectorCache cache = VectorCache.open(file)) {
            NeighbourSearch search = new NeighbourSearch(data, 100, 42);
            assertThat(SearchIndexes.index(cache, "sha", "text=1", "model", search, Metric.COSINE, ProgressListener.NONE)).isFalse();
            assertThat(search.indexed(Metric.COSINE)).isTrue();
            first = search.nearest(query, 10, Metric.COSINE);
        }
        try (VectorCache cache = VectorCache.open(file)) {
            NeighbourSearch search = new NeighbourSearch(data, 100, 42);
            long[] reported = {0};
            assertThat(SearchIndexes.index(cache, "sha", "text=1", "model", search, Metric.COSINE,
                    (done, total) -> reported[0]++)).isTrue();
            assertThat(reported[0]).as("no graph was built").isZero();
            assertThat(search.nearest(query, 10, Metric.COSINE)).isEqualTo(first);
            assertThat(SearchIndexes.index(cache, "sha", "text=1", "other model", search, Metric.COSINE,
                    ProgressListener.NONE)).as("another model").isFalse();
            assertThat(SearchIndexes.index(cache, "sha", "text=1", "model", search, Metric.L2,
                    ProgressListener.NONE)).as("another metric").isFalse();
        }
    }

    @Test
    void aStoredGraphThatDoesNotFitTheRowsIsBuiltAgain(@TempDir Path dir) {
        VectorMatrix data = rows();
        try (VectorCache cache = VectorCache.open(dir.resolve("cache.sqlite"))) {
            NeighbourSearch search = new NeighbourSearch(data, 100, 42);
            cache.storeGraph(new GraphKey("sha", "text=1", "model", Metric.COSINE, 14, 42), new int[][] {{1, 2}, {0, 2}});
            assertThat(SearchIndexes.index(cache, "sha", "text=1", "model", search, Metric.COSINE, ProgressListener.NONE))
                    .isFalse();
            assertThat(cache.graph(new GraphKey("sha", "text=1", "model", Metric.COSINE, 14, 42)).orElseThrow())
                    .hasNumberOfRows(1200);
        }
    }
}
