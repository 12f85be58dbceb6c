package org.embex.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.embex.vectors.VectorMatrix;

/**
 * Clusters of clusters, for a map that names broad regions when zoomed out and finer ones as it
 * zooms in. Level 0 is the clusters themselves; each next level joins the two nearest groups
 * (Ward's criterion on the groups' mean unit vectors) until about half as many are left, down to
 * {@link #FEWEST} groups. Each group is named by its own topic words, so a coarse name says what
 * its clusters share rather than listing them. Joined in the embedding, not on the map: the tree
 * is the model's view of the corpus and stays the same whichever projection is shown.
 *
 * @param levels finest first; noise rows belong to no group
 */
public record TopicTree(List<Level> levels) {

    /** The coarsest level has no fewer groups than this (a map with one name says nothing). */
    public static final int FEWEST = 3;

    /**
     * One level of the tree.
     *
     * @param groupOf each cluster id's group at this level, or −1 for noise
     * @param words   each group's topic words
     * @param sizes   each group's number of rows
     */
    public record Level(int[] groupOf, List<List<String>> words, int[] sizes) {

        public Level {
            words = words.stream().map(List::copyOf).toList();
        }

        public int groups() {
            return sizes.length;
        }

        /** The group of each row, or −1 for a noise row. */
        public int[] rowGroups(int[] assignments) {
            int[] rows = new int[assignments.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = assignments[i] < 0 ? -1 : groupOf[assignments[i]];
            }
            return rows;
        }
    }

    public TopicTree {
        levels = List.copyOf(levels);
    }

    /**
     * @param vectors     the rows' vectors
     * @param assignments each row's cluster id (0..k−1), or {@link Clusterer#NOISE}
     * @param clusterWords each cluster id's topic words, for level 0
     * @param texts       the rows' texts, to name the joined groups
     * @param words       how many words name a joined group
     */
    public static TopicTree of(VectorMatrix vectors, int[] assignments, Map<Integer, List<String>> clusterWords,
                               List<String> texts, int words) {
        int clusters = Arrays.stream(assignments).max().orElse(-1) + 1;
        int dims = vectors.dims();
        double[][] sums = new double[clusters][dims];
        int[] sizes = new int[clusters];
        for (int row = 0; row < assignments.length; row++) {
            int id = assignments[row];
            if (id < 0) {
                continue;
            }
            float[] v = vectors.row(row);
            double norm = Math.max(1e-12, vectors.norm(row));
            for (int d = 0; d < dims; d++) {
                sums[id][d] += v[d] / norm;
            }
            sizes[id]++;
        }
        List<Level> levels = new ArrayList<>();
        int[] groupOf = new int[clusters];
        Arrays.setAll(groupOf, id -> id);
        List<List<String>> names = new ArrayList<>();
        for (int id = 0; id < clusters; id++) {
            names.add(clusterWords.getOrDefault(id, List.of()));
        }
        levels.add(new Level(groupOf, names, sizes));
        while (sizes.length > FEWEST) {
            int target = Math.max(FEWEST, (sizes.length + 1) / 2);
            Joining joined = Joining.of(sums, sizes).joinDownTo(target);
            int[] next = new int[clusters];
            for (int id = 0; id < clusters; id++) {
                next[id] = joined.groupOf[groupOf[id]];
            }
            groupOf = next;
            sums = joined.sums;
            sizes = joined.sizes;
            Level level = new Level(groupOf, List.of(), sizes);
            Map<Integer, List<String>> named = TopicWords.of(texts, level.rowGroups(assignments), words);
            List<List<String>> groupWords = new ArrayList<>();
            for (int g = 0; g < sizes.length; g++) {
                groupWords.add(named.getOrDefault(g, List.of()));
            }
            levels.add(new Level(groupOf, groupWords, sizes));
        }
        return new TopicTree(levels);
    }

    /** Groups being joined pairwise: their vector sums and sizes, and where each first group went. */
    private static final class Joining {
        private double[][] sums;
        private int[] sizes;
        private final int[] groupOf;

        private Joining(double[][] sums, int[] sizes) {
            this.sums = sums;
            this.sizes = sizes;
            this.groupOf = new int[sizes.length];
            Arrays.setAll(groupOf, g -> g);
        }

        static Joining of(double[][] sums, int[] sizes) {
            double[][] copy = new double[sums.length][];
            for (int g = 0; g < sums.length; g++) {
                copy[g] = sums[g].clone();
            }
            return new Joining(copy, sizes.clone());
        }

        Joining joinDownTo(int target) {
            while (sizes.length > target) {
                int[] pair = cheapestPair();
                join(pair[0], pair[1]);
            }
            return this;
        }

        /** Ward: joining a and b raises the within-group squared distances by na·nb/(na+nb)·|ca − cb|². */
        private int[] cheapestPair() {
            double best = Double.POSITIVE_INFINITY;
            int[] pair = {0, 1};
            for (int a = 0; a < sizes.length; a++) {
                for (int b = a + 1; b < sizes.length; b++) {
                    double cost = (double) sizes[a] * sizes[b] / (sizes[a] + sizes[b]) * squaredGap(a, b);
                    if (cost < best) {
                        best = cost;
                        pair = new int[] {a, b};
                    }
                }
            }
            return pair;
        }

        private double squaredGap(int a, int b) {
            double sum = 0;
            for (int d = 0; d < sums[a].length; d++) {
                double gap = sums[a][d] / Math.max(1, sizes[a]) - sums[b][d] / Math.max(1, sizes[b]);
                sum += gap * gap;
            }
            return sum;
        }

        /** b joins a; the last group takes b's place so the groups stay numbered 0..n−1. */
        private void join(int a, int b) {
            for (int d = 0; d < sums[a].length; d++) {
                sums[a][d] += sums[b][d];
            }
            sizes[a] += sizes[b];
            int last = sizes.length - 1;
            for (int g = 0; g < groupOf.length; g++) {
                if (groupOf[g] == b) {
                    groupOf[g] = a;
                } else if (groupOf[g] == last) {
                    groupOf[g] = b;
                }
            }
            sums[b] = sums[last];
            sizes[b] = sizes[last];
            sums = Arrays.copyOf(sums, last);
            sizes = Arrays.copyOf(sizes, last);
        }
    }
}
