package org.embex.neighbours;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * Every pair of rows whose cosine similarity is at least a threshold: the candidates of a
 * near-duplicate search. Exactly, by scoring every pair ({@link DotTiles}: n²/2 dot products), or
 * through a {@link GraphIndex}, by asking it for each row's nearest rows until the last one found
 * falls below the threshold (n searches; a pair is found from either of its rows, so it is missed
 * only when both searches miss it). More pairs than a limit stop the search ({@link TooMany}): a
 * threshold that low says nothing about duplicates, and the pairs would not fit in memory.
 */
public final class PairsAbove {

    /** Rows a graph search first asks for; doubled while the last one is still at or above the threshold. */
    private static final int FIRST_ASK = 16;
    /** Rows per task of the graph path: fixed, so that the pairs do not depend on the cores. */
    private static final int ROWS_PER_TASK = 256;
    /**
     * How far below the threshold a candidate is taken, per dimension: the tile kernel and a single
     * dot product add in different orders, and a float sum of d terms may differ by about d ulps.
     * Every candidate is scored again the one way before the cut.
     */
    private static final float SLACK_PER_DIM = 2.4e-7f;

    private PairsAbove() {
    }

    /** More pairs reach the threshold than the limit allows. */
    public static final class TooMany extends RuntimeException {

        private final long limit;

        TooMany(long limit) {
            super("more than " + limit + " pairs");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Every pair at or above {@code threshold}, by scoring all of them. The listener may stop it by throwing. */
    public static SimilarPairs exact(VectorMatrix data, double threshold, long limit, ProgressListener listener) {
        int n = data.rows();
        float cut = (float) threshold - slack(data);
        float[] inverse = inverseNorms(data);
        int groups = DotTiles.groups(n);
        int group = DotTiles.GROUP;
        SimilarPairs.Builder[] found = new SimilarPairs.Builder[groups];
        long tiles = (long) groups * (groups + 1) / 2;
        AtomicLong done = new AtomicLong();
        AtomicLong kept = new AtomicLong();
        IntStream.range(0, groups).parallel().forEach(a -> {
            SimilarPairs.Builder mine = new SimilarPairs.Builder();
            float[] tile = new float[group * group];
            for (int b = a; b < groups; b++) {
                DotTiles.score(data, a, b, tile);
                for (int i = a * group; i < Math.min(n, (a + 1) * group); i++) {
                    int row = group * (i - a * group);
                    for (int j = Math.max(b * group, i + 1); j < Math.min(n, (b + 1) * group); j++) {
                        if (tile[row + j - b * group] * inverse[i] * inverse[j] >= cut) {
                            mine.add(i, j);
                        }
                    }
                }
                check(mine, kept, limit);
            }
            found[a] = mine;
            kept.addAndGet(mine.size());
            listener.progress(done.addAndGet(groups - a) * n / tiles, n);
        });
        return merge(found, data, threshold);
    }

    /**
     * The pairs at or above {@code threshold} that {@code index} (built over {@code data} for cosine)
     * finds: each row asks for its nearest rows, twice as many again while the last is still close
     * enough, so a row with hundreds of near-duplicates finds them all.
     */
    public static SimilarPairs viaGraph(VectorMatrix data, GraphIndex index, double threshold, long limit,
                                        ProgressListener listener) {
        if (index.metric() != Metric.COSINE) {
            throw new IllegalArgumentException("pairs are scored by cosine; the index is for " + index.metric());
        }
        int n = data.rows();
        double cut = threshold - slack(data);
        int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        SimilarPairs.Builder[] found = new SimilarPairs.Builder[tasks];
        AtomicLong done = new AtomicLong();
        AtomicLong kept = new AtomicLong();
        IntStream.range(0, tasks).parallel().forEach(task -> {
            SimilarPairs.Builder mine = new SimilarPairs.Builder();
            int to = Math.min(n, (task + 1) * ROWS_PER_TASK);
            for (int i = task * ROWS_PER_TASK; i < to; i++) {
                for (Neighbour near : closeRows(data, index, i, cut)) {
                    mine.add(i, near.index());
                }
                // Each pair is usually found from both rows: half of what is kept counts against the limit.
                check(mine, kept, 2 * limit);
            }
            found[task] = mine;
            kept.addAndGet(mine.size());
            listener.progress(done.addAndGet(to - task * ROWS_PER_TASK), n);
        });
        SimilarPairs pairs = merge(found, data, threshold);
        if (pairs.size() > limit) {
            throw new TooMany(limit);
        }
        return pairs;
    }

    private static List<Neighbour> closeRows(VectorMatrix data, GraphIndex index, int row, double cut) {
        int n = data.rows();
        float[] query = data.row(row);
        int ask = Math.min(n, FIRST_ASK);
        while (true) {
            List<Neighbour> nearest = index.search(query, ask, Math.max(ask, GraphIndex.DEFAULT_EF));
            boolean lastClose = nearest.size() == ask && nearest.get(ask - 1).score() >= cut;
            if (!lastClose || ask == n) {
                return nearest.stream().filter(near -> near.index() != row && near.score() >= cut).toList();
            }
            ask = (int) Math.min(n, 2L * ask);
        }
    }

    private static void check(SimilarPairs.Builder mine, AtomicLong kept, long limit) {
        if (mine.size() + kept.get() > limit) {
            throw new TooMany(limit);
        }
    }

    private static float slack(VectorMatrix data) {
        return SLACK_PER_DIM * Math.max(16, data.dims());
    }

    private static float[] inverseNorms(VectorMatrix data) {
        float[] inverse = new float[data.rows()];
        for (int i = 0; i < inverse.length; i++) {
            float norm = data.norm(i);
            inverse[i] = norm == 0 ? 0 : 1 / norm;
        }
        return inverse;
    }

    private static SimilarPairs merge(SimilarPairs.Builder[] parts, VectorMatrix data, double threshold) {
        SimilarPairs.Builder all = new SimilarPairs.Builder();
        for (SimilarPairs.Builder part : parts) {
            all.addAll(part);
        }
        return all.build(data, threshold);
    }
}
