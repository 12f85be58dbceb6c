package org.embex.neighbours;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * The exact k-nearest-neighbour graph, by scoring every pair of rows once, as a blocked matrix
 * product ({@link DotTiles}), and each pair goes to both rows' lists. It costs n² dot
 * products whatever k is, where NN-descent's cost grows with k, so for t-SNE's 90 neighbours it is
 * the faster of the two up to about 63,000 rows ({@link NeighbourGraphs} has the figures).
 *
 * <p>Deterministic: ties go to the lower row.
 */
public final class ExactKnn {

    private static final int GROUP = DotTiles.GROUP;
    /** L2 distances come from norms and a dot product, which loses digits for close rows: keep a few more and score them again. */
    private static final int L2_EXTRA = 8;

    private ExactKnn() {
    }

    /** Every row's {@code k} nearest other rows, closest first. */
    public static KnnGraph build(VectorMatrix data, int k, Metric metric, ProgressListener listener) {
        int n = data.rows();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must be between 1 and " + (n - 1) + ", was " + k);
        }
        int keep = metric == Metric.L2 ? Math.min(n - 1, k + L2_EXTRA) : k;
        OrderKey order = OrderKey.of(data, metric);
        int groups = DotTiles.groups(n);
        Lists[] lists = new Lists[groups];
        for (int g = 0; g < groups; g++) {
            lists[g] = new Lists(Math.min(n, (g + 1) * GROUP) - g * GROUP, keep);
        }
        // Each pair of groups is scored once, by the task of the first; both groups' lists take the
        // pairs, each under its own lock. The lists end as the same sets whatever the interleaving,
        // and are sorted at the end, so the graph does not depend on the threads.
        long pairs = (long) groups * (groups + 1) / 2;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, groups).parallel().forEach(a -> {
            float[] tile = new float[GROUP * GROUP];
            for (int b = a; b < groups; b++) {
                DotTiles.score(data, a, b, tile);
                offer(n, order, lists, a, b, tile, false);
                if (b != a) {
                    offer(n, order, lists, b, a, tile, true);
                }
            }
            listener.progress(done.addAndGet(groups - a) * n / pairs, n);
        });
        int[][] neighbours = new int[n][];
        float[][] distances = new float[n][];
        IntStream.range(0, groups).parallel().forEach(g -> {
            for (int i = g * GROUP; i < Math.min(n, (g + 1) * GROUP); i++) {
                finish(data, order, i, lists[g], i - g * GROUP, k, neighbours, distances);
            }
        });
        return new KnnGraph(metric, neighbours, distances);
    }

    /** Offers the pairs of a tile to the lists of group {@code to}; {@code transposed} when the tile is (other, to). */
    private static void offer(int n, OrderKey order, Lists[] lists, int to, int other, float[] tile, boolean transposed) {
        int toFrom = to * GROUP;
        int toEnd = Math.min(n, toFrom + GROUP);
        int otherFrom = other * GROUP;
        int otherEnd = Math.min(n, otherFrom + GROUP);
        Lists target = lists[to];
        synchronized (target) {
            for (int i = toFrom; i < toEnd; i++) {
                int slot = i - toFrom;
                float limit = target.limit(slot);
                for (int j = otherFrom; j < otherEnd; j++) {
                    float dot = transposed ? tile[GROUP * (j - otherFrom) + slot] : tile[GROUP * slot + j - otherFrom];
                    float key = order.key(j, dot);
                    // Equal keys go through too: the lower row wins a tie.
                    if (key <= limit && i != j) {
                        target.offer(slot, j, key);
                        limit = target.limit(slot);
                    }
                }
            }
        }
    }

    private static void finish(VectorMatrix data, OrderKey order, int row, Lists lists, int slot, int k,
                               int[][] neighbours, float[][] distances) {
        int size = lists.size[slot];
        long[] keyed = new long[size];
        for (int s = 0; s < size; s++) {
            int at = slot * lists.keep + s;
            int other = lists.ids[at];
            float distance = order.metric() == Metric.L2
                    ? data.distance(row, other, Metric.L2)
                    : order.distance(row, lists.distances[at]);
            keyed[s] = Lists.key(distance, other);
        }
        java.util.Arrays.sort(keyed);
        int count = Math.min(k, size);
        neighbours[row] = new int[count];
        distances[row] = new float[count];
        for (int s = 0; s < count; s++) {
            neighbours[row][s] = (int) keyed[s];
            distances[row][s] = Lists.distance(keyed[s]);
        }
    }

    /**
     * For a fixed row i, a key that orders the other rows j as the distance does, from their dot
     * product alone with one multiply-add: −dot/|j| for cosine, −dot for dot, |j|² − 2 dot for L2.
     * The distance itself is worked out only for the rows that end in a list.
     */
    private record OrderKey(Metric metric, float[] scale, float[] shift, VectorMatrix data) {

        static OrderKey of(VectorMatrix data, Metric metric) {
            int n = data.rows();
            float[] scale = new float[n];
            float[] shift = new float[n];
            for (int j = 0; j < n; j++) {
                float norm = data.norm(j);
                switch (metric) {
                    case COSINE -> scale[j] = norm == 0 ? 0 : -1 / norm;
                    case DOT -> scale[j] = -1;
                    case L2 -> {
                        scale[j] = -2;
                        shift[j] = norm * norm;
                    }
                }
            }
            return new OrderKey(metric, scale, shift, data);
        }

        float key(int j, float dot) {
            return Math.fma(scale[j], dot, shift[j]);
        }

        /** Row {@code row}'s distance to the row with this key (cosine and dot; L2 is scored again exactly). */
        float distance(int row, float key) {
            if (metric == Metric.DOT) {
                return key;
            }
            float norm = data.norm(row);
            return norm == 0 ? 1f : 1f + key / norm;
        }
    }

    /**
     * One bounded list per row of a group, each a max-heap on (distance, row) so that the worst
     * kept pair is at the top and most offers are turned away by one comparison.
     */
    private static final class Lists {
        final int keep;
        final float[] distances;
        final int[] ids;
        final int[] size;

        Lists(int rows, int keep) {
            this.keep = keep;
            this.distances = new float[rows * keep];
            this.ids = new int[rows * keep];
            this.size = new int[rows];
        }

        /** Orders (distance, row) pairs as longs: the float's bits made monotone, then the row. */
        static long key(float distance, int row) {
            int bits = Float.floatToIntBits(distance);
            bits ^= (bits >> 31) & 0x7fffffff;
            return ((long) bits << 32) | (row & 0xffffffffL);
        }

        static float distance(long key) {
            int bits = (int) (key >> 32);
            bits ^= (bits >> 31) & 0x7fffffff;
            return Float.intBitsToFloat(bits);
        }

        /** The key a newcomer must not exceed: the worst kept, or +∞ while the list has room. */
        float limit(int slot) {
            return size[slot] < keep ? Float.POSITIVE_INFINITY : distances[slot * keep];
        }

        void offer(int slot, int row, float distance) {
            int base = slot * keep;
            int count = size[slot];
            if (count < keep) {
                int at = count;
                size[slot] = count + 1;
                while (at > 0) {
                    int parent = (at - 1) / 2;
                    if (!worse(distance, row, distances[base + parent], ids[base + parent])) {
                        break;
                    }
                    distances[base + at] = distances[base + parent];
                    ids[base + at] = ids[base + parent];
                    at = parent;
                }
                distances[base + at] = distance;
                ids[base + at] = row;
                return;
            }
            if (!worse(distances[base], ids[base], distance, row)) {
                return;
            }
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= keep) {
                    break;
                }
                if (child + 1 < keep && worse(distances[base + child + 1], ids[base + child + 1],
                        distances[base + child], ids[base + child])) {
                    child++;
                }
                if (!worse(distances[base + child], ids[base + child], distance, row)) {
                    break;
                }
                distances[base + at] = distances[base + child];
                ids[base + at] = ids[base + child];
                at = child;
            }
            distances[base + at] = distance;
            ids[base + at] = row;
        }

        private static boolean worse(float d1, int r1, float d2, int r2) {
            return d1 > d2 || (d1 == d2 && r1 > r2);
        }
    }
}
