package org.embex.desktop.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ColouringTest {

    @Test
    void categoriesComeMostFrequentFirstWithTheirCounts() {
        List<String> values = List.of("b", "a", "b", "", "c", "b", "a");
        Colouring colouring = Colouring.categorical("Label", values);
        assertThat(colouring.categories()).extracting(Colouring.Category::name).containsExactly("b", "a", "c", "(none)");
        assertThat(colouring.categories()).extracting(Colouring.Category::count).containsExactly(3, 2, 1, 1);
        assertThat(colouring.colours()[0]).isEqualTo(colouring.colours()[2]).isNotEqualTo(colouring.colours()[1]);
        assertThat(colouring.categoryOf()[3]).isEqualTo(3);
        assertThat(colouring.categories().get(3).colour()).isEqualTo(Palette.NEUTRAL);
    }

    @Test
    void valuesOfEqualCountAreListedAsAReaderCounts() {
        List<String> values = List.of("cluster 10", "cluster 2", "cluster 1", "Cluster 3", "cluster 11", "cluster 02", "item 9b", "item 9a");
        Colouring colouring = Colouring.categorical("Cluster", values);
        assertThat(colouring.categories()).extracting(Colouring.Category::name)
                .containsExactly("cluster 1", "cluster 02", "cluster 2", "Cluster 3", "cluster 10", "cluster 11", "item 9a", "item 9b");
    }

    @Test
    void rareValuesBeyondThePaletteShareOneOtherEntry() {
        List<String> values = new ArrayList<>();
        for (int v = 0; v < 30; v++) {
            for (int copies = 0; copies <= 30 - v; copies++) {
                values.add("value" + v);
            }
        }
        Colouring colouring = Colouring.categorical("many", values);
        assertThat(colouring.categories()).hasSize(Palette.categories());
        Colouring.Category other = colouring.categories().get(Palette.categories() - 1);
        assertThat(other.name()).isEqualTo("other (11 smaller values)");
        assertThat(other.colour()).isEqualTo(Palette.OTHER);
        assertThat(colouring.categories().stream().mapToInt(Colouring.Category::count).sum()).isEqualTo(values.size());
    }

    @Test
    void rowsWithoutAValueKeepTheirOwnEntryWhenRareValuesAreFolded() {
        List<String> values = new ArrayList<>();
        for (int v = 0; v < 30; v++) {
            values.add("value" + v);
            values.add("value" + v);
        }
        for (int i = 0; i < 100; i++) {
            values.add("");
        }
        Colouring colouring = Colouring.categorical("many", values);

        List<Colouring.Category> categories = colouring.categories();
        assertThat(categories).hasSize(Palette.categories() + 1);
        assertThat(categories.get(categories.size() - 1)).isEqualTo(new Colouring.Category("(none)", Palette.NEUTRAL, 100));
        assertThat(categories.get(categories.size() - 2).name()).isEqualTo("other (11 smaller values)");
        assertThat(colouring.categoryOf()[values.size() - 1]).isEqualTo(categories.size() - 1);
        assertThat(colouring.categoryOf()[values.size() - 101]).isEqualTo(categories.size() - 2);
    }

    @Test
    void scoresRunFromTheDarkToTheLightEndOfTheScale() {
        Colouring colouring = Colouring.scores("cosine", new double[] {0.2, 0.9, 0.55});
        assertThat(colouring.scoreRange()).hasValueSatisfying(range -> assertThat(range).containsExactly(0.2, 0.9));
        assertThat(colouring.colours()[0]).isEqualTo(Palette.score(0));
        assertThat(colouring.colours()[1]).isEqualTo(Palette.score(1));
        assertThat(colouring.colours()[2]).isEqualTo(Palette.score(0.5));
    }
}
