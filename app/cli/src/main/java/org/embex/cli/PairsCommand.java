package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.eval.PairReport;
import org.embex.progress.CancellationToken;
import org.embex.threshold.OperatingPoint;
import org.embex.usecase.PairColumns;
import org.embex.usecase.PairStudy;
import org.embex.usecase.Percent;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/** Labelled pairs: how well each similarity tells positives from negatives, and where to cut. */
@Command(name = "pairs", header = "AUROC, average precision and the best threshold of labelled sentence pairs.",
        description = "Labels are 1/0, true/false, yes/no or positive/negative, as the threshold workbench reads them. "
                + "JSON rates are fractions from 0 to 1; L2 thresholds are distances (a pair at or below is positive).")
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
        PairColumns.Pairs read = pairs.columns(PairColumns.labels(), label).read(file);
        try (Workspace workspace = model.workspace(cache)) {
            ProgressBar bar = output.progress("embedding");
            PairStudy.Result study = PairStudy.of(workspace, model.model, read, bar, CancellationToken.none());
            bar.finish();
            PairReport report = study.report();
            PairReport.MetricFigures cosine = report.metrics().get(Metric.COSINE);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.model());
            result.put("pairs", report.pairs());
            result.put("positives", study.positives());
            result.put("auroc", cosine.auroc());
            result.put("average_precision", cosine.averagePrecision());
            report.metrics().forEach((metric, figures) -> result.put(metric.label(), json(figures)));
            if (output.json) {
                output.printJson(result);
                return;
            }
            output.out().printf("%s on %d pairs: AUROC %.4f, average precision %.4f (cosine)%n", report.model(),
                    report.pairs(), cosine.auroc(), cosine.averagePrecision());
            report.metrics().forEach((metric, figures) -> output.out().printf(
                    "  %-6s accuracy %s at %.4f   F1 %s at %.4f%n", metric.label(),
                    Percent.of(figures.bestAccuracy().confusion().accuracy()), figures.shown(figures.bestAccuracy()),
                    Percent.of(figures.bestF1().confusion().f1()), figures.shown(figures.bestF1())));
        }
    }

    private static Map<String, Object> json(PairReport.MetricFigures figures) {
        OperatingPoint accuracy = figures.bestAccuracy();
        OperatingPoint f1 = figures.bestF1();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accuracy", accuracy.confusion().accuracy());
        json.put("accuracy_threshold", figures.shown(accuracy));
        json.put("f1", f1.confusion().f1());
        json.put("f1_threshold", figures.shown(f1));
        json.put("precision", f1.confusion().precision());
        json.put("recall", f1.confusion().tpr());
        json.put("auroc", figures.auroc());
        json.put("average_precision", figures.averagePrecision());
        return json;
    }
}
