package org.embex.recommend;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * Measures recommending, not label purity: for each label with at least {@link #MIN_ITEMS} rows,
 * draws of {@link #LIKED} rows of that label as the liked set and one more row of it held out;
 * every other row of the corpus is ranked, and what counts is where the held-out row lands (hit
 * rate@10 and nDCG@10; one relevant row, so nDCG is 1/log₂(1 + rank) within the top ten). Other
 * rows of the same label ranked high earn nothing. A label with up to {@link #DRAWS} rows holds out
 * each of its rows once; a larger one is drawn {@link #DRAWS} times. A row scored the same as the
 * held-out one counts as ahead of it. Two baselines on the same draws:
 * random order (its expected value, worked out rather than drawn) and the rows nearest to one liked
 * row alone.
 */
public final class RecommendationEvaluation {

    public static final int MIN_ITEMS = 5;
    public static final int LIKED = 3;
    public static final int DRAWS = 100;
    public static final int CUTOFF = 10;

    private RecommendationEvaluation() {
    }

    /** Hit rate@10 and nDCG@10 of one way of ranking, averaged over every draw. */
    public record Figures(double hitRate, double ndcg) {
    }

    /**
     * @param labels the labels evaluated (at least five rows each)
     * @param draws  draws over all of them
     */
    public record Report(int labels, int draws, Figures profile, Figures nearestToOne, Figures random) {
    }

    /** The labels with at least {@link #MIN_ITEMS} rows: those the evaluation draws from. */
    public static long evaluable(List<String> labels) {
        return rowsOfLabels(labels).values().stream().filter(rows -> rows.size() >= MIN_ITEMS).count();
    }

    /** Each label's rows, labels in name order; rows without a label belong to none. */
    private static Map<String, List<Integer>> rowsOfLabels(List<String> labels) {
        Map<String, List<Integer>> rowsOf = new TreeMap<>();
        for (int row = 0; row < labels.size(); row++) {
            String label = labels.get(row);
            if (label != null && !label.isEmpty()) {
                rowsOf.computeIfAbsent(label, name -> new ArrayList<>()).add(row);
            }
        }
        return rowsOf;
    }

    /** One draw: the liked rows and the row held out. */
    record Draw(int[] liked, int heldOut) {
    }

    public static Report run(VectorMatrix data, List<String> labels, long seed, ProgressListener listener) {
        List<Draw> draws = draws(labels, seed);
        if (draws.isEmpty()) {
            throw new IllegalArgumentException("no label has " + MIN_ITEMS + " rows or more: nothing to hold out");
        }
        int candidates = data.rows() - LIKED;
        double[] profileHits = new double[draws.size()];
        double[] profileGains = new double[draws.size()];
        double[] oneHits = new double[draws.size()];
        double[] oneGains = new double[draws.size()];
        AtomicLong done = new AtomicLong();
        IntStream.range(0, draws.size()).parallel().forEach(d -> {
            Draw draw = draws.get(d);
            BitSet liked = new BitSet(data.rows());
            for (int row : draw.liked()) {
                liked.set(row);
            }
            int byProfile = Ranking.rank(data.scores(Recommender.profile(data, draw.liked(), null), Metric.COSINE), liked,
                    draw.heldOut());
            int byOne = Ranking.rank(data.scores(data.row(draw.liked()[0]), Metric.COSINE), liked, draw.heldOut());
            profileHits[d] = byProfile <= CUTOFF ? 1 : 0;
            profileGains[d] = gain(byProfile);
            oneHits[d] = byOne <= CUTOFF ? 1 : 0;
            oneGains[d] = gain(byOne);
            listener.progress(done.incrementAndGet(), draws.size());
        });
        int shown = Math.min(CUTOFF, candidates);
        double randomGain = 0;
        for (int rank = 1; rank <= shown; rank++) {
            randomGain += gain(rank);
        }
        int evaluated = (int) draws.stream().map(draw -> labels.get(draw.heldOut())).distinct().count();
        return new Report(evaluated, draws.size(), new Figures(mean(profileHits), mean(profileGains)),
                new Figures(mean(oneHits), mean(oneGains)),
                new Figures((double) shown / candidates, randomGain / candidates));
    }

    /** The draws, label by label in name order, from one seeded stream: the same labels and seed give the same draws. */
    static List<Draw> draws(List<String> labels, long seed) {
        Map<String, List<Integer>> rowsOf = rowsOfLabels(labels);
        SplittableRandom random = new SplittableRandom(seed);
        List<Draw> draws = new ArrayList<>();
        for (List<Integer> rows : rowsOf.values()) {
            if (rows.size() < MIN_ITEMS) {
                continue;
            }
            boolean eachOnce = rows.size() <= DRAWS;
            for (int d = 0; d < Math.min(DRAWS, rows.size()); d++) {
                int heldOut = eachOnce ? rows.get(d) : rows.get(random.nextInt(rows.size()));
                List<Integer> others = new ArrayList<>(rows);
                others.remove(Integer.valueOf(heldOut));
                int[] liked = new int[LIKED];
                for (int l = 0; l < LIKED; l++) {
                    liked[l] = others.remove(random.nextInt(others.size()));
                }
                draws.add(new Draw(liked, heldOut));
            }
        }
        return draws;
    }

    private static double gain(int rank) {
        return rank <= CUTOFF ? 1 / (Math.log(rank + 1) / Math.log(2)) : 0;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
