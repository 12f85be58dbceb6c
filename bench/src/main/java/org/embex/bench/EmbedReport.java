package org.embex.bench;

import java.util.List;

/**
 * Everything {@code bench/run embed} measured, in the shape its JSON takes.
 *
 * @param model        catalogue id of the model every contestant ran
 * @param cores        processors the JVM saw
 * @param java         the JVM's version
 * @param embex        how embex (and the ceiling, which mirrors it) spent the machine
 * @param sets         throughput, one entry per input set
 * @param queryLatency one query at a time, as a search box embeds
 * @param targets      the goals embex is held to, each met or missed
 */
record EmbedReport(String model, int cores, String java, Settings embex, List<SetFigures> sets,
                   Latency queryLatency, List<Target> targets) {

    record Settings(int batchSize, int sessions, int threadsPerSession) {
    }

    /**
     * @param tokenisationPercent       embex's tokenizer over the whole set, as a share of embex's time
     * @param overheadOutsideOrtPercent embex's time not spent in ONNX Runtime (tokenising, pooling,
     *                                  batching), as a share of embex's time
     */
    record SetFigures(String set, String source, int texts, double meanTokens, List<Row> contestants,
                      double embexShareOfCeilingPercent, double tokenisationPercent,
                      double overheadOutsideOrtPercent) {
    }

    /** @param seconds every timed repetition, in the order run; the rate comes from their median */
    record Row(String contestant, String label, double textsPerSecond, double ratioToLangchain4j,
               List<Double> seconds) {
    }

    record Latency(int warmUpCalls, int queries, double p50Ms, double p90Ms, double p99Ms) {
    }

    /** @param unit how {@code value} and {@code threshold} read: "x", "%" or "ms" */
    record Target(String goal, double value, double threshold, String unit, boolean pass) {
    }
}
