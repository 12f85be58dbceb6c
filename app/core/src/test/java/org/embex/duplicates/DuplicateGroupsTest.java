package org.embex.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.embex.neighbours.SimilarPairs;
import org.embex.vectors.VectorMatrix;

class DuplicateGroupsTest {

    /** Pairs given as {first, second, score × 100}, first below second, in order. */
    private static SimilarPairs pairs(int[]... given) {
        return new SimilarPairs(Arrays.stream(given).mapToInt(p -> p[0]).toArray(), Arrays.stream(given).mapToInt(p -> p[1]).toArray(),
                toFloats(Arrays.stream(given).mapToDouble(p -> p[2] / 100.0).toArray()));
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    @Test
    void aChainIsCutIntoGroupsAroundRepresentativesInsteadOfOneComponent() {
        // 0~1~2~3~4~5~6: one connected component, but 0 and 6 have nothing in common.
        SimilarPairs chain = pairs(new int[] {0, 1, 95}, new int[] {1, 2, 93}, new int[] {2, 3, 92}, new int[] {3, 4, 94},
                new int[] {4, 5, 91}, new int[] {5, 6, 96});

        DuplicateGroups.Grouping grouping = DuplicateGroups.of(chain, 8);

        assertThat(grouping.groups()).hasSizeGreaterThan(1);
        // Each member is a pair with its group's representative.
        for (DuplicateGroup group : grouping.groups()) {
            for (int m = 1; m < group.size(); m++) {
                assertThat(chain.contains(group.representative(), group.member(m))).isTrue();
            }
        }
        // Ties in the count of partners go to the lower row: 1 leads {1, 0, 2}, then 3 leads {3, 4}, and 5 {5, 6}.
        assertThat(grouping.groups().get(0).members()).containsExactly(1, 0, 2);
        assertThat(grouping.groups().get(1).members()).containsExactly(3, 4);
        assertThat(grouping.groups().get(2).members()).containsExactly(5, 6);
        assertThat(grouping.unplaced()).isZero();
        assertThat(grouping.rows()).isEqualTo(7);
        assertThat(grouping.groupOf(8)).containsExactly(1, 1, 1, 2, 2, 3, 3, 0);
    }

    @Test
    void aRowWhosePartnersWereAllTakenByARepresentativeItIsFarFromStaysOut() {
        // 1 leads {1, 0, 2, 3}; 4 is close to 2 only, not to 1.
        SimilarPairs pairs = pairs(new int[] {0, 1, 95}, new int[] {1, 2, 93}, new int[] {1, 3, 92}, new int[] {2, 4, 94});

        DuplicateGroups.Grouping grouping = DuplicateGroups.of(pairs, 5);

        assertThat(grouping.groups()).hasSize(1);
        assertThat(grouping.groups().get(0).members()).containsExactly(1, 0, 2, 3);
        assertThat(grouping.unplaced()).isEqualTo(1);
    }

    @Test
    void theRowWithMostPartnersLeadsAndMembersComeClosestFirst() {
        // 3 is close to 0, 1, 2 and 4; 5~6 on their own.
        SimilarPairs star = pairs(new int[] {0, 3, 90}, new int[] {1, 3, 99}, new int[] {2, 3, 95}, new int[] {3, 4, 91},
                new int[] {5, 6, 97});

        List<DuplicateGroup> groups = DuplicateGroups.of(star, 7).groups();

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).members()).containsExactly(3, 1, 2, 4, 0);
        assertThat(groups.get(0).scores()).containsExactly(1f, 0.99f, 0.95f, 0.91f, 0.90f);
        assertThat(groups.get(0).weakest()).isEqualTo(0.90f);
        assertThat(groups.get(1).members()).containsExactly(5, 6);
        BitSet seen = new BitSet();
        groups.forEach(group -> Arrays.stream(group.members()).forEach(member -> {
            assertThat(seen.get(member)).isFalse();
            seen.set(member);
        }));
    }

    @Test
    void rowsThatShareAVectorAreOneGroupWithoutAPairBetweenThem() {
        // Rows 0, 2, 5 share a vector (A); 1 and 4 share another (B); 3 is alone (C). A~C is the only pair of vectors.
        VectorMatrix data = VectorMatrix.of(List.of(new float[] {1, 0}, new float[] {0, 1},
                new float[] {1, 0}, new float[] {0.99f, 0.1f}, new float[] {0, 1}, new float[] {1, 0}), 2);
        IdenticalRows identical = IdenticalRows.of(data);
        SimilarPairs pairs = pairs(new int[] {0, 2, 99});

        DuplicateGroups.Grouping grouping = DuplicateGroups.of(pairs, identical);

        assertThat(identical.size()).isEqualTo(3);
        assertThat(identical.distinct(data).rows()).isEqualTo(3);
        assertThat(identical.pairs(pairs.first(), pairs.second())).as("within A, within B, A with C").isEqualTo(3 + 1 + 3);
        assertThat(grouping.groups()).hasSize(2);
        assertThat(grouping.groups().get(0).members()).containsExactly(0, 2, 5, 3);
        assertThat(grouping.groups().get(0).scores()).containsExactly(1f, 1f, 1f, 0.99f);
        assertThat(grouping.groups().get(1).members()).containsExactly(1, 4);
        VectorMatrix distinct = VectorMatrix.of(List.of(new float[] {1, 0}, new float[] {0, 1}), 2);
        assertThat(IdenticalRows.of(distinct).distinct(distinct)).as("no copies: the matrix itself").isSameAs(distinct);
    }

    @Test
    void noPairsNoGroups() {
        DuplicateGroups.Grouping none = DuplicateGroups.of(pairs(), 5);

        assertThat(none.groups()).isEmpty();
        assertThat(none.unplaced()).isZero();
    }
}
