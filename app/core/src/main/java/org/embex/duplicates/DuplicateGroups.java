package org.embex.duplicates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import org.embex.neighbours.SimilarPairs;

/**
 * Groups near-duplicate pairs so that a chain does not merge unrelated texts. Connected
 * components would: A~B and B~C put A and C together however far apart they are, and on a real
 * corpus one component swallows thousands of rows. Here every group has a representative that
 * each member is close to (a star, as in leader clustering): rows are taken in order of how many
 * near-duplicates they have (most first, the lower row on a tie); a row not yet grouped that has
 * partners not yet grouped becomes a representative, and those partners its members. Two members
 * of a group are then within twice the threshold's angle of each other: at a cosine of 0.9 (26°)
 * no closer than 0.62. A row whose every partner went to a group whose representative it is not
 * close to stays out of the groups; {@link Grouping#unplaced} counts such rows.
 */
public final class DuplicateGroups {

    private DuplicateGroups() {
    }

    /**
     * @param groups   largest first (then by representative)
     * @param unplaced rows with a near-duplicate that belong to no group
     */
    public record Grouping(List<DuplicateGroup> groups, int unplaced) {

        public Grouping {
            groups = List.copyOf(groups);
        }

        /** Rows in some group. */
        public int rows() {
            return groups.stream().mapToInt(DuplicateGroup::size).sum();
        }

        /** Each row's group, numbered from 1 as listed, 0 for none. */
        public int[] groupOf(int rows) {
            int[] group = new int[rows];
            for (int g = 0; g < groups.size(); g++) {
                for (int member : groups.get(g).members()) {
                    group[member] = g + 1;
                }
            }
            return group;
        }
    }

    public static Grouping of(SimilarPairs pairs, int rows) {
        int[] degree = new int[rows];
        for (int p = 0; p < pairs.size(); p++) {
            degree[pairs.first()[p]]++;
            degree[pairs.second()[p]]++;
        }
        int[] starts = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            starts[i + 1] = starts[i] + degree[i];
        }
        int[] partners = new int[starts[rows]];
        float[] scores = new float[starts[rows]];
        int[] fill = Arrays.copyOf(starts, rows);
        for (int p = 0; p < pairs.size(); p++) {
            int a = pairs.first()[p];
            int b = pairs.second()[p];
            partners[fill[a]] = b;
            scores[fill[a]++] = pairs.scores()[p];
            partners[fill[b]] = a;
            scores[fill[b]++] = pairs.scores()[p];
        }
        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer row) -> -degree[row]).thenComparingInt(row -> row));
        BitSet grouped = new BitSet(rows);
        List<DuplicateGroup> groups = new ArrayList<>();
        for (int representative : order) {
            if (degree[representative] == 0) {
                break;
            }
            if (grouped.get(representative)) {
                continue;
            }
            List<long[]> members = new ArrayList<>();
            for (int at = starts[representative]; at < starts[representative + 1]; at++) {
                if (!grouped.get(partners[at])) {
                    members.add(new long[] {partners[at], Float.floatToIntBits(scores[at])});
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            members.sort(Comparator.comparingDouble((long[] m) -> -Float.intBitsToFloat((int) m[1]))
                    .thenComparingLong(m -> m[0]));
            int[] rowsOf = new int[members.size() + 1];
            float[] scoresOf = new float[members.size() + 1];
            rowsOf[0] = representative;
            scoresOf[0] = 1;
            grouped.set(representative);
            for (int m = 0; m < members.size(); m++) {
                rowsOf[m + 1] = (int) members.get(m)[0];
                scoresOf[m + 1] = Float.intBitsToFloat((int) members.get(m)[1]);
                grouped.set(rowsOf[m + 1]);
            }
            groups.add(new DuplicateGroup(rowsOf, scoresOf));
        }
        int unplaced = 0;
        for (int i = 0; i < rows; i++) {
            if (degree[i] > 0 && !grouped.get(i)) {
                unplaced++;
            }
        }
        groups.sort(Comparator.comparingInt(DuplicateGroup::size).reversed().thenComparingInt(DuplicateGroup::representative));
        return new Grouping(groups, unplaced);
    }
}
