package org.embex.bench;

import java.util.Arrays;

/** Order statistics of a handful of timings; nearest rank, so every figure is one that was measured. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    static double percentile(double[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double secondsOf(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
