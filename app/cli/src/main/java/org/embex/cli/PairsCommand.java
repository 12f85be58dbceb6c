package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.corpus.Table;
import org.embex.eval.PairClassification;
import org.embex.eval.PairReport;
import org.embex.threshold.OperatingPoint;
import org.embex.vectors.Metric;

/** Labelled pairs: how well each similarity tells positives from negatives, and where to cut. */
@Command(name = "pairs", header = "AUROC, average precision and the best threshold of labelled sentence pairs.",
        description = "Labels are 1/0, true/false or yes/no. Rates in percent; L2 thresholds are distances "
                + "(a pair at or below is positive).")
final class PairsCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private PairOptions pairs;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV or TSV of sentence pairs with a binary label.")
    private Path file;

    @Option(names = "--label", defaultValue = "label", paramLabel = "COL", description = "Binary label (default: ${DEFAULT-VALUE}).")
    private String label;

    @Override
    public void run() {
        PairOptions.Pairs read = pairs.read(file, label, "label");
        boolean[] positive = labels(read);
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            PairReport report = PairClassification.run(session.source(), read.left(), read.right(), positive, bar);
            bar.finish();
            PairReport.MetricFigures cosine = report.metrics().get(Metric.COSINE);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.model());
            result.put("pairs", report.pairs());
            result.put("positives", read.left().size() - countNegatives(positive));
            result.put("auroc", cosine.auroc());
            result.put("average_precision", cosine.averagePrecision());
            report.metrics().forEach((metric, figures) -> result.put(metric.label(), json(figures)));
            if (output.json) {
                output.printJson(result);
                return;
            }
            output.out().printf("%s on %d pairs: AUROC %.2f, average precision %.2f (cosine)%n", report.model(),
                    report.pairs(), cosine.auroc(), cosine.averagePrecision());
            report.metrics().forEach((metric, figures) -> output.out().printf(
                    "  %-6s accuracy %.2f at %.4f   F1 %.2f at %.4f%n", metric.label(),
                    100 * figures.bestAccuracy().confusion().accuracy(), figures.shown(figures.bestAccuracy()),
                    100 * figures.bestF1().confusion().f1(), figures.shown(figures.bestF1())));
        }
    }

    private static Map<String, Object> json(PairReport.MetricFigures figures) {
        OperatingPoint accuracy = figures.bestAccuracy();
        OperatingPoint f1 = figures.bestF1();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accuracy", 100 * accuracy.confusion().accuracy());
        json.put("accuracy_threshold", figures.shown(accuracy));
        json.put("f1", 100 * f1.confusion().f1());
        json.put("f1_threshold", figures.shown(f1));
        json.put("precision", 100 * f1.confusion().precision());
        json.put("recall", 100 * f1.confusion().tpr());
        json.put("auroc", figures.auroc());
        json.put("average_precision", figures.averagePrecision());
        return json;
    }

    private static long countNegatives(boolean[] positive) {
        long count = 0;
        for (boolean p : positive) {
            count += p ? 0 : 1;
        }
        return count;
    }

    private static boolean[] labels(PairOptions.Pairs read) {
        boolean[] positive = new boolean[read.left().size()];
        for (int i = 0; i < positive.length; i++) {
            Table.Row row = read.table().rows().get(i);
            String value = row.cell(read.third()).strip().toLowerCase(Locale.ROOT);
            positive[i] = switch (value) {
                case "1", "1.0", "true", "yes" -> true;
                case "0", "0.0", "false", "no" -> false;
                default -> throw new BadInputException(read.table().source() + ": line " + row.line() + ", column "
                        + (read.third() + 1) + ": label '" + value + "' is not 1/0, true/false or yes/no");
            };
        }
        return positive;
    }
}
