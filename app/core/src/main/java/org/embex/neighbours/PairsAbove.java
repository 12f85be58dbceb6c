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
 * only when both searches miss it).
 */
public final class PairsAbove {

    /** Rows a graph search first asks for; doubled while the last one is still at or above the threshold. */
    private static final int FIRST_ASK = 16;
    /** Rows per task of the graph path: fixed, so that the pairs do not depend on the cores. */
    private static final int ROWS_PER_TASK = 256;

    /**
     * Candidates are taken this far below the threshold, because the tile kernel and a single dot
     * product add in different orders; every pair is scored again the one way before the cut.
     */
    private static final float SLACK = 1e-5f;

    private PairsAbove() {
    }

    /** Every pair at or above {@code threshold}, by scoring all of them. The listener may stop it by throwing. */
    public static SimilarPairs exact(VectorMatrix data, double threshold, ProgressListener listener) {
        int n = data.rows();
        float[] inverse = inverseNorms(data);
        int groups = DotTiles.groups(n);
        int group = DotTiles.GROUP;
        SimilarPairs.Builder[] found = new SimilarPairs.Builder[groups];
        long tiles = (long) groups * (groups + 1) / 2;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, groups).parallel().forEach(a -> {
            SimilarPairs.Builder mine = new SimilarPairs.Builder();
            float[] tile = new float[group * group];
            for (int b = a; b < groups; b++) {
                DotTiles.score(data, a, b, tile);
                for (int i = a * group; i < Math.min(n, (a + 1) * group); i++) {
                    int row = group * (i - a * group);
                    for (int j = Math.max(b * group, i + 1); j < Math.min(n, (b + 1) * group); j++) {
                        float score = tile[row + j - b * group] * inverse[i] * inverse[j];
                        if (score >= threshold - SLACK) {
                            mine.add(i, j);
                        }
                    }
                }
            }
            found[a] = mine;
            listener.progress(done.addAndGet(groups - a) * n / tiles, n);
        });
        return merge(found, data, threshold);
    }

    /**
     * The pairs at or above {@code threshold} that {@code index} (built over {@code data} for cosine)
     * finds: each row asks for its nearest rows, twice as many again while the last is still close
     * enough, so a row with hundreds of near-duplicates finds them all.
     */
    public static SimilarPairs viaGraph(VectorMatrix data, GraphIndex index, double threshold, ProgressListener listener) {
        if (index.metric() != Metric.COSINE) {
            throw new IllegalArgumentException("pairs are scored by cosine; the index is for " + index.metric());
        }
        int n = data.rows();
        int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        SimilarPairs.Builder[] found = new SimilarPairs.Builder[tasks];
        AtomicLong done = new AtomicLong();
        IntStream.range(0, tasks).parallel().forEach(task -> {
            SimilarPairs.Builder mine = new SimilarPairs.Builder();
            int to = Math.min(n, (task + 1) * ROWS_PER_TASK);
            for (int i = task * ROWS_PER_TASK; i < to; i++) {
                for (Neighbour near : closeRows(data, index, i, threshold)) {
                    mine.add(i, near.index());
                }
            }
            found[task] = mine;
            listener.progress(done.addAndGet(to - task * ROWS_PER_TASK), n);
        });
        return merge(found, data, threshold);
    }

    private static List<Neighbour> closeRows(VectorMatrix data, GraphIndex index, int row, double threshold) {
        int n = data.rows();
        float[] query = data.row(row);
        int ask = Math.min(n, FIRST_ASK);
        while (true) {
            List<Neighbour> nearest = index.search(query, ask, Math.max(ask, GraphIndex.DEFAULT_EF));
            boolean lastClose = nearest.size() == ask && nearest.get(ask - 1).score() >= threshold;
            if (!lastClose || ask == n) {
                return nearest.stream().filter(near -> near.index() != row && near.score() >= threshold - SLACK).toList();
            }
            ask = (int) Math.min(n, 2L * ask);
        }
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
