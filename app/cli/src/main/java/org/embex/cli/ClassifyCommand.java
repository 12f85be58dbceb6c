package org.embex.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;
import org.embex.eval.Classification;
import org.embex.eval.ClassificationReport;

/** Intent classification on embeddings: centroid, kNN and logistic regression. */
@Command(name = "classify", header = "Accuracy and macro-F1 (in percent) of classifying texts by their embeddings.",
        description = "Three classifiers on the same vectors: nearest label centroid, a similarity-weighted vote of "
                + "the 10 nearest training texts, and logistic regression.")
final class ClassifyCommand implements Runnable {

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
        Corpus trainRows = columns.read(train);
        Corpus testRows = columns.read(test);
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            ClassificationReport report = Classification.run(session.source(), trainRows.texts(),
                    trainRows.rows().stream().map(TextRow::label).toList(), testRows.texts(),
                    testRows.rows().stream().map(TextRow::label).toList(), bar);
            bar.finish();
            if (confusion != null) {
                writeConfusion(report);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.model());
            result.put("train", report.train());
            result.put("test", report.test());
            report.methods().forEach((method, figures) -> result.put("accuracy_" + method, figures.accuracy()));
            report.methods().forEach((method, figures) -> result.put("macro_f1_" + method, figures.macroF1()));
            if (output.json) {
                output.printJson(result);
                return;
            }
            output.out().printf("%s: %d training, %d test texts%n", report.model(), report.train(), report.test());
            report.methods().forEach((method, figures) -> output.out().printf("  %-9s accuracy %.2f   macro-F1 %.2f%n",
                    method, figures.accuracy(), figures.macroF1()));
        }
    }

    private void writeConfusion(ClassificationReport report) {
        try (Writer writer = Files.newBufferedWriter(confusion, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord("method", "gold", "predicted", "count");
            for (var method : report.methods().entrySet()) {
                for (var gold : method.getValue().confusion().entrySet()) {
                    for (var predicted : gold.getValue().entrySet()) {
                        printer.printRecord(method.getKey(), gold.getKey(), predicted.getKey(), predicted.getValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + confusion, e);
        }
    }
}
