package org.embex.bench;

import java.io.PrintStream;
import java.util.stream.Collectors;

/** The report as tables for people; the same figures as the JSON. */
final class TextReport {

    private TextReport() {
    }

    static void print(EmbedReport report, PrintStream out) {
        EmbedReport.Settings embex = report.embex();
        out.printf("embex embedding benchmark: %s, %d cores, JDK %s%n", report.model(), report.cores(), report.java());
        out.printf("embex and the ceiling: batches of %d, %d sessions x %d intra-op thread(s)%n%n",
                embex.batchSize(), embex.sessions(), embex.threadsPerSession());

        out.println("inputs");
        for (EmbedReport.SetFigures set : report.sets()) {
            out.printf("  %-16s %5d texts, mean %6.1f tokens   from %s%n", set.set(), set.texts(), set.meanTokens(),
                    set.source());
        }
        for (EmbedReport.SetFigures set : report.sets()) {
            printSet(set, out);
        }

        EmbedReport.Latency latency = report.queryLatency();
        out.printf("%nquery latency: embed(text, QUERY), one at a time, %d different sentences after %d warm-up calls%n",
                latency.queries(), latency.warmUpCalls());
        out.printf("  p50 %.2f ms   p90 %.2f ms   p99 %.2f ms%n", latency.p50Ms(), latency.p90Ms(), latency.p99Ms());

        out.printf("%ntargets%n");
        for (EmbedReport.Target target : report.targets()) {
            out.printf("  %-4s  %-62s %8.2f %s%n", target.pass() ? "PASS" : "MISS", target.goal(), target.value(),
                    target.unit());
        }
    }

    private static void printSet(EmbedReport.SetFigures set, PrintStream out) {
        out.printf("%n%s (%d texts, mean %.1f tokens): median of %d timed passes%n", set.set(), set.texts(),
                set.meanTokens(), set.contestants().get(0).seconds().size());
        out.printf("  %-30s %9s %15s   %s%n", "contestant", "texts/s", "vs LangChain4j", "seconds per pass");
        for (EmbedReport.Row row : set.contestants()) {
            String seconds = row.seconds().stream().map(s -> String.format("%.2f", s)).collect(Collectors.joining(" "));
            out.printf("  %-30s %9.1f %14.2fx   %s%n", row.label(), row.textsPerSecond(), row.ratioToLangchain4j(),
                    seconds);
        }
        out.printf("  embex reaches %.1f%% of the ceiling%n", set.embexShareOfCeilingPercent());
        out.printf("  tokenisation: %.1f%% of embex's time%n", set.tokenisationPercent());
        out.printf("  overhead outside ONNX Runtime (tokenisation + pooling + batching): %.1f%% of embex's time%n",
                set.overheadOutsideOrtPercent());
    }
}
