package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.eval.ClassificationReport;
import org.embex.usecase.Evaluations;
import org.embex.usecase.Percent;
import org.embex.usecase.Workspace;


/** Intent classification on embeddings: centroid, kNN and logistic regression. */
@Command(name = "classify", header = "Accuracy and macro-F1 of classifying texts by their embeddings (JSON: fractions from 0 to 1).",
        description = "Three classifiers on the same vectors: nearest label centroid, a similarity-weighted vote of "
                + "the 10 nearest training texts, and logistic regression.")
final class ClassifyCommand implements Runnable, ShowsSkippedRows {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Labelled training texts.")
    private Path train;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "Labelled test texts.")
    private Path test;

    @Option(names = "--confusion", paramLabel = "FILE",
            description = "Write the confusion matrices as CSV: method, gold, predicted, count.")
    private Path confusion;

    @Override
    public void run() {
        try (Workspace workspace = model.workspace(cache)) {
            ProgressBar bar = output.progress("embedding");
            Evaluations.Classified classified = Evaluations.classify(workspace, model.model, columns.spec(train),
                    columns.spec(test), bar);
            ClassificationReport report = classified.report();
            bar.finish();
            if (confusion != null) {
                List<List<?>> rows = new java.util.ArrayList<>();
                report.methods().forEach((method, figures) -> figures.confusion().forEach((gold, predicted) ->
                        predicted.forEach((label, count) -> rows.add(List.of(method, gold, label, count)))));
                CsvOutput.write(confusion, List.of("method", "gold", "predicted", "count"), rows);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.model());
            result.put("train", report.train());
            result.put("test", report.test());
            report.methods().forEach((method, figures) -> result.put("accuracy_" + method, figures.accuracy()));
            report.methods().forEach((method, figures) -> result.put("macro_f1_" + method, figures.macroF1()));
            SkippedRows.put(result, classified.train(), classified.test());
            if (output.json) {
                output.printJson(result);
                return;
            }
            SkippedRows.warn(output, classified.train(), classified.test());
            output.out().printf("%s: %d training, %d test texts%n", report.model(), report.train(), report.test());
            report.methods().forEach((method, figures) -> output.out().printf("  %-9s accuracy %s   macro-F1 %.4f%n",
                    method, Percent.of(figures.accuracy()), figures.macroF1()));
        }
    }
}
