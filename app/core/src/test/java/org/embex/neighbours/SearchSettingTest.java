package org.embex.neighbours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/** A kept setting: read as written, and what the corpus's search then does. */
class SearchSettingTest {

    @Test
    void readsWhatItWritesAndRefusesWhatIsNotASetting() {
        SearchSetting graph = SearchSetting.graph(14, 8, 64);
        assertThat(SearchSetting.parse(graph.toString())).isEqualTo(graph);
        assertThat(SearchSetting.parse("graph ef=32, degree=8, trees=2")).isEqualTo(SearchSetting.graph(8, 2, 32));
        assertThat(SearchSetting.parse("EXACT")).isEqualTo(SearchSetting.EXACT);
        assertThatThrownBy(() -> SearchSetting.parse("graph degree=1 trees=2 ef=3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchSetting.parse("graph degree=8 trees=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchSetting.parse("graph degree=8 trees=2 m=3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchSetting.parse("hnsw")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeptGraphIsBuiltWithItsDegreeAndUsedWhateverTheSizeAndExactOrNoneGoBack() {
        Random random = new Random(3);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            float[] row = new float[16];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
            rows.add(row);
        }
        NeighbourSearch search = new NeighbourSearch(VectorMatrix.of(rows, 16), NeighbourSearch.DEFAULT_EXACT_UP_TO, 42);
        assertThat(search.wantsIndex()).as("400 rows: exact by size").isFalse();

        search.use(Optional.of(SearchSetting.graph(6, 1, 20)));
        assertThat(search.wantsIndex()).isTrue();
        assertThat(search.degree()).isEqualTo(6);
        int[][] graph = search.index(Metric.COSINE, ProgressListener.NONE);
        assertThat(graph[0]).hasSize(6);
        assertThat(search.indexed(Metric.COSINE)).isTrue();
        assertThat(search.nearest(rows.get(5), 10, Metric.COSINE)).hasSize(10);

        long oneTree = search.graphIndex(Metric.COSINE).orElseThrow().bytes();
        search.use(Optional.of(SearchSetting.graph(6, 4, 20)));
        search.index(Metric.COSINE, ProgressListener.NONE);
        assertThat(search.graphIndex(Metric.COSINE).orElseThrow().bytes()).as("four trees seed the search now").isGreaterThan(oneTree);

        // An index built for a setting replaced while it was built is not installed.
        NeighbourSearch.IndexPlan before = search.plan();
        search.use(Optional.of(SearchSetting.graph(10, 1, 20)));
        search.index(Metric.COSINE, before, ProgressListener.NONE);
        assertThat(search.indexed(Metric.COSINE)).isFalse();
        assertThat(search.plan().degree()).isEqualTo(10);

        search.use(Optional.of(SearchSetting.EXACT));
        assertThat(search.wantsIndex()).isFalse();
        assertThat(search.indexed(Metric.COSINE)).as("the index built for the other setting is dropped").isFalse();
        search.use(Optional.empty());
        assertThat(search.wantsIndex()).isFalse();
        assertThat(search.degree()).isEqualTo(GraphIndex.DEGREE);
    }
}
