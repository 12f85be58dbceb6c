package org.embex.recommend;

import java.util.BitSet;
import java.util.PriorityQueue;

/** Ranks scored rows: the best few (ties to the lower row, as in the rest of embex), or where one row stands. */
final class Ranking {

    private Ranking() {
    }

    /** The {@code k} best-scored rows not in {@code excluded}, best first. */
    static int[] top(double[] scores, BitSet excluded, int k) {
        PriorityQueue<Integer> kept = new PriorityQueue<>((a, b) -> better(scores, a, b) ? 1 : -1);
        for (int row = 0; row < scores.length; row++) {
            if (excluded.get(row)) {
                continue;
            }
            if (kept.size() < k) {
                kept.add(row);
            } else if (better(scores, row, kept.peek())) {
                kept.poll();
                kept.add(row);
            }
        }
        int[] best = new int[kept.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = kept.poll();
        }
        return best;
    }

    /**
     * Where {@code row} stands among the rows not in {@code excluded}: 1 for the best. A row scored
     * the same (an identical text) counts as ahead of it, so that an evaluation never gains from a tie.
     */
    static int rank(double[] scores, BitSet excluded, int row) {
        int rank = 1;
        for (int other = 0; other < scores.length; other++) {
            if (other != row && !excluded.get(other) && scores[other] >= scores[row]) {
                rank++;
            }
        }
        return rank;
    }

    private static boolean better(double[] scores, int a, int b) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }
}
