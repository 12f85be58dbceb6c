package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;
import org.embex.gate.GateEvaluation;
import org.embex.gate.GateFile;
import org.embex.gate.GateReport;
import org.embex.gate.GateScoring;

/** Measures an in-scope gate on labelled queries and exports it. */
@Command(name = "gate", header = "How well similarity to in-scope examples refuses out-of-scope queries.",
        description = "Reference rows are in-scope examples with their intent; query rows carry an intent or the "
                + "out-of-scope label. Rates are in percent; the threshold keeps 95% of in-scope queries.")
final class GateEvalCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Option(names = "--reference", required = true, paramLabel = "FILE", description = "In-scope examples with labels.")
    private Path reference;

    @Option(names = "--queries", required = true, paramLabel = "FILE", description = "Labelled queries.")
    private Path queries;

    @Option(names = "--oos-label", defaultValue = "oos", paramLabel = "LABEL",
            description = "Label of out-of-scope queries (default: ${DEFAULT-VALUE}).")
    private String oosLabel;

    @Option(names = "--score", defaultValue = "nearest", paramLabel = "HOW",
            description = "nearest (example) or centroid (of each intent) (default: ${DEFAULT-VALUE}).")
    private String scoring;

    @Option(names = "--export", paramLabel = "GATE.json", description = "Write the gate at the TPR-95 threshold.")
    private Path export;

    @Override
    public void run() {
        GateScoring how = GateScoring.parse(scoring);
        Corpus references = columns.read(reference);
        Corpus asked = columns.read(queries);
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            ProgressBar bar = output.progress("embedding");
            GateReport report = GateEvaluation.run(session.source(), session.source().fingerprint().hex(),
                    references.texts(), labels(references), asked.texts(), labels(asked), oosLabel, how, bar);
            bar.finish();
            if (export != null) {
                GateFile.write(report.gate(), export);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", session.embedder().descriptor().id());
            result.put("scoring", how.label());
            result.put("references", references.rows().size());
            result.put("queries", report.queries());
            result.put("in_scope", report.inScope());
            result.put("auroc", report.auroc());
            result.put("threshold_tpr95", report.tpr95().threshold());
            result.put("fpr_at_tpr95", report.fprAtTpr95());
            result.put("oos_rejected_at_tpr95", report.oosRejectedAtTpr95());
            result.put("in_scope_accuracy", report.inScopeAccuracy());
            result.put("scoring_seconds", report.scoringSeconds());
            if (export != null) {
                result.put("export", export.toString());
            }
            if (output.json) {
                output.printJson(result);
                return;
            }
            output.out().printf("%s, %s scoring: %d queries (%d in scope) against %d references%n", result.get("model"),
                    how.label(), report.queries(), report.inScope(), references.rows().size());
            output.out().printf("AUROC %.2f; at threshold %.4f (keeps 95%% in scope) FPR %.2f%%, out-of-scope rejected "
                    + "%.2f%%; in-scope intent accuracy %.2f%%; scoring %.2f s%n", report.auroc(),
                    report.tpr95().threshold(), report.fprAtTpr95(), report.oosRejectedAtTpr95(), report.inScopeAccuracy(),
                    report.scoringSeconds());
            if (export != null) {
                output.out().println("gate written to " + export);
            }
        }
    }

    private static List<String> labels(Corpus corpus) {
        return corpus.rows().stream().map(TextRow::label).toList();
    }
}
