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
 *
 * <p>The pairs are between distinct vectors ({@link IdenticalRows}); rows that share a vector go
 * together, as copies of each other (cosine 1).
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

    /** Groups pairs between rows, every row a vector of its own. */
    public static Grouping of(SimilarPairs pairs, int rows) {
        return of(pairs, IdenticalRows.allDistinct(rows));
    }

    /** Groups pairs between the distinct vectors of {@code identical}. */
    public static Grouping of(SimilarPairs pairs, IdenticalRows identical) {
        int vectors = identical.size();
        int[][] copies = identical.copies();
        // A vector's weight in the order: its rows' near-duplicates, its own copies included.
        long[] weight = new long[vectors];
        int[] partnerCount = new int[vectors];
        for (int v = 0; v < vectors; v++) {
            weight[v] = copies[v].length - 1L;
        }
        for (int p = 0; p < pairs.size(); p++) {
            int a = pairs.first()[p];
            int b = pairs.second()[p];
            weight[a] += copies[b].length;
            weight[b] += copies[a].length;
            partnerCount[a]++;
            partnerCount[b]++;
        }
        int[] starts = new int[vectors + 1];
        for (int v = 0; v < vectors; v++) {
            starts[v + 1] = starts[v] + partnerCount[v];
        }
        int[] partners = new int[starts[vectors]];
        float[] scores = new float[starts[vectors]];
        int[] fill = Arrays.copyOf(starts, vectors);
        for (int p = 0; p < pairs.size(); p++) {
            int a = pairs.first()[p];
            int b = pairs.second()[p];
            partners[fill[a]] = b;
            scores[fill[a]++] = pairs.scores()[p];
            partners[fill[b]] = a;
            scores[fill[b]++] = pairs.scores()[p];
        }
        Integer[] order = new Integer[vectors];
        for (int v = 0; v < vectors; v++) {
            order[v] = v;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer v) -> -weight[v]).thenComparingInt(v -> copies[v][0]));
        BitSet grouped = new BitSet(vectors);
        List<DuplicateGroup> groups = new ArrayList<>();
        for (int representative : order) {
            if (weight[representative] == 0) {
                break;
            }
            if (grouped.get(representative)) {
                continue;
            }
            List<Partner> members = new ArrayList<>();
            for (int at = starts[representative]; at < starts[representative + 1]; at++) {
                if (!grouped.get(partners[at])) {
                    members.add(new Partner(partners[at], scores[at], copies[partners[at]][0]));
                }
            }
            if (members.isEmpty() && copies[representative].length == 1) {
                continue;
            }
            members.sort(Comparator.comparingDouble((Partner m) -> -m.score()).thenComparingInt(Partner::firstRow));
            grouped.set(representative);
            int size = copies[representative].length;
            for (Partner member : members) {
                grouped.set(member.vector());
                size += copies[member.vector()].length;
            }
            int[] rows = new int[size];
            float[] rowScores = new float[size];
            int at = 0;
            for (int row : copies[representative]) {
                rows[at] = row;
                rowScores[at++] = 1;
            }
            for (Partner member : members) {
                for (int row : copies[member.vector()]) {
                    rows[at] = row;
                    rowScores[at++] = member.score();
                }
            }
            groups.add(new DuplicateGroup(rows, rowScores));
        }
        int unplaced = 0;
        for (int v = 0; v < vectors; v++) {
            if (weight[v] > 0 && !grouped.get(v)) {
                unplaced += copies[v].length;
            }
        }
        groups.sort(Comparator.comparingInt(DuplicateGroup::size).reversed().thenComparingInt(DuplicateGroup::representative));
        return new Grouping(groups, unplaced);
    }

    /** A vector paired with a representative: its score, and its first row for the order of ties. */
    private record Partner(int vector, float score, int firstRow) {
    }
}
