package org.embex.bench;

import java.util.Random;

import org.embex.threshold.RocCurve;

/**
 * The ROC engine on a million scores: building the curve, its AUC and average precision, the
 * four operating points and a histogram, timed after warm-up. Usage: {@code bench/run roc [--scores N]}.
 */
public final class RocBenchmark {

    private RocBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length == 2 && args[0].equals("--scores") ? Integer.parseInt(args[1]) : 1_000_000;
        Random random = new Random(1);
        double[] scores = new double[count];
        boolean[] positive = new boolean[count];
        for (int i = 0; i < count; i++) {
            positive[i] = random.nextInt(4) == 0;
            // Rounded to 4 places, as similarity scores often are: many ties.
            scores[i] = Math.round((random.nextGaussian() * 0.1 + (positive[i] ? 0.62 : 0.48)) * 1e4) / 1e4;
        }
        double[] seconds = new double[7];
        double auc = 0;
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            RocCurve curve = RocCurve.of(scores, positive);
            auc = curve.auc();
            curve.averagePrecision();
            curve.youden();
            curve.bestF1();
            curve.atTpr(0.95);
            curve.atFpr(0.05);
            curve.histogram(50);
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        double[] timed = java.util.Arrays.copyOfRange(seconds, 2, seconds.length);
        System.out.printf("ROC engine, %,d scores (%.0f%% positive, ties from 4-digit rounding): curve + AUC + AP + "
                + "4 operating points + histogram in %.3f s (median of %d after 2 warm-up runs; target < 1 s); AUC %.4f%n",
                count, 25.0, Stats.median(timed), timed.length, auc);
    }
}
