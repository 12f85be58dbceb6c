package org.embex.bench;

import java.util.List;

/**
 * The goals embex is held to. The cost of tokenising and pooling is read as embex's time outside
 * ONNX Runtime, which also holds batching: an upper bound, so a pass is a real pass.
 */
final class Targets {

    private static final double SHORT_SPEED_UP = 2.0;
    private static final double PARAGRAPH_SPEED_UP = 1.3;
    private static final double MAX_OVERHEAD_PERCENT = 10;
    private static final double MAX_QUERY_P50_MS = 10;

    private Targets() {
    }

    static List<EmbedReport.Target> evaluate(EmbedReport.SetFigures sentences, EmbedReport.SetFigures paragraphs,
                                             EmbedReport.Latency latency) {
        return List.of(
                atLeast(String.format("embex >= %.1fx LangChain4j on %s", SHORT_SPEED_UP, sentences.set()),
                        speedUp(sentences), SHORT_SPEED_UP, "x"),
                atLeast(String.format("embex >= %.1fx LangChain4j on %s", PARAGRAPH_SPEED_UP, paragraphs.set()),
                        speedUp(paragraphs), PARAGRAPH_SPEED_UP, "x"),
                atMost(overheadGoal(sentences), sentences.overheadOutsideOrtPercent(), MAX_OVERHEAD_PERCENT, "%"),
                atMost(overheadGoal(paragraphs), paragraphs.overheadOutsideOrtPercent(), MAX_OVERHEAD_PERCENT, "%"),
                atMost(String.format("query p50 <= %.0f ms", MAX_QUERY_P50_MS), latency.p50Ms(), MAX_QUERY_P50_MS,
                        "ms"));
    }

    private static String overheadGoal(EmbedReport.SetFigures set) {
        return String.format("tokenisation + pooling <= %.0f%% of embex's time on %s", MAX_OVERHEAD_PERCENT,
                set.set());
    }

    private static double speedUp(EmbedReport.SetFigures set) {
        return set.contestants().stream()
                .filter(row -> row.contestant().equals("embex"))
                .findFirst()
                .orElseThrow()
                .ratioToLangchain4j();
    }

    private static EmbedReport.Target atLeast(String goal, double value, double threshold, String unit) {
        return new EmbedReport.Target(goal, value, threshold, unit, value >= threshold);
    }

    private static EmbedReport.Target atMost(String goal, double value, double threshold, String unit) {
        return new EmbedReport.Target(goal, value, threshold, unit, value <= threshold);
    }
}
