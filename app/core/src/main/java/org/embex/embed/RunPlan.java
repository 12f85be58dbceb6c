package org.embex.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where texts sorted by token count are cut into runs of the model. A run pads every text to its
 * longest, and each run costs something of its own besides its tokens, so cutting is a trade
 * between padding (long runs over a wide spread of lengths) and runs (short ones).
 *
 * <p>A corpus window holds thousands of texts, so fixed runs of the batch size barely pad. A batch
 * gathered from many callers holds a few dozen texts of any length, and fixed runs of eight padded
 * a tenth to a quarter of their tokens; the cheapest cut, found exactly over the sorted lengths,
 * pads 4 to 8% (on CLINC150's questions, two sessions: 16 texts at a time 317 texts/s against 259
 * in runs of eight, 32 at a time 346 against 322, 64 at a time 368 against 366).
 */
final class RunPlan {

    /**
     * What one run costs beyond its tokens, in tokens. Measured with all-MiniLM-L6-v2 on one thread, a
     * run of n texts of L tokens took about (6 to 10 + n·L) token-times; 8 gave the best rates above.
     */
    static final int RUN_COST_TOKENS = 8;

    /** Texts {@code from} (inclusive) to {@code to} (exclusive) of the sorted order, run together. */
    record Run(int from, int to) {

        int size() {
            return to - from;
        }
    }

    private RunPlan() {
    }

    /** Runs of {@code size} texts, the last one shorter: for a window of many texts of about the same length. */
    static List<Run> fixed(int count, int size) {
        List<Run> runs = new ArrayList<>();
        for (int from = 0; from < count; from += size) {
            runs.add(new Run(from, Math.min(count, from + size)));
        }
        return runs;
    }

    /**
     * The cuts of {@code sortedLengths} (ascending) into runs of at most {@code maxRun} texts that
     * cost least, a run costing {@link #RUN_COST_TOKENS} plus its texts times its longest length;
     * the most costly runs come first, so that parallel sessions finish together.
     */
    static List<Run> cheapest(int[] sortedLengths, int maxRun) {
        int count = sortedLengths.length;
        long[] cost = new long[count + 1];
        int[] start = new int[count + 1];
        for (int end = 1; end <= count; end++) {
            cost[end] = Long.MAX_VALUE;
            // The run that ends here is padded to its last (longest) text.
            for (int from = Math.max(0, end - maxRun); from < end; from++) {
                long candidate = cost[from] + RUN_COST_TOKENS + (long) (end - from) * sortedLengths[end - 1];
                if (candidate < cost[end]) {
                    cost[end] = candidate;
                    start[end] = from;
                }
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int end = count; end > 0; end = start[end]) {
            runs.add(new Run(start[end], end));
        }
        runs.sort(Comparator.comparingLong((Run run) -> (long) run.size() * sortedLengths[run.to() - 1]).reversed()
                .thenComparingInt(Run::from));
        return runs;
    }

    /** The tokens a plan feeds the model, padding included, beside its run count: what the cut is judged by. */
    static long cost(List<Run> runs, int[] sortedLengths) {
        long total = 0;
        for (Run run : runs) {
            total += RUN_COST_TOKENS + (long) run.size() * sortedLengths[run.to() - 1];
        }
        return total;
    }
}
