package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.corpus.Corpus;
import org.embex.gate.GateReport;
import org.embex.gate.GateScoring;
import org.embex.progress.CancellationToken;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.GateStudy;
import org.embex.usecase.Percent;
import org.embex.usecase.Workspace;

/** The customer-service gate: can similarity to in-scope examples refuse out-of-scope queries? */
@Command(name = "gate", header = "How well similarity to in-scope examples refuses out-of-scope queries.",
        description = {"Give one labelled FILE, split as the threshold workbench splits it (of each intent every other row "
                + "is an example, the rest and every out-of-scope row are queries), or --reference and --queries.",
                "The reported threshold keeps 95%% of in-scope queries. JSON rates are fractions from 0 to 1."})
final class GateEvalCommand implements Runnable, ShowsSkippedRows {


    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Labelled texts with an out-of-scope label.")
    private Path file;

    @Option(names = "--reference", paramLabel = "FILE", description = "In-scope examples with labels.")
    private Path reference;

    @Option(names = "--queries", paramLabel = "FILE", description = "Labelled queries.")
    private Path queries;

    @Option(names = {OutOfScopeOption.NAME, OutOfScopeOption.ALIAS}, paramLabel = "LABEL",
            description = OutOfScopeOption.DESCRIPTION)
    private String oosLabel;

    @Option(names = "--score", defaultValue = "nearest", paramLabel = "HOW",
            description = "nearest (example) or centroid (of each intent) (default: ${DEFAULT-VALUE}).")
    private String scoring;

    @Option(names = "--export", paramLabel = "GATE.json", description = "Write the gate at the TPR-95 threshold.")
    private Path export;

    @Override
    public void run() {
        boolean split = file != null;
        if (split == (reference != null || queries != null) || (!split && (reference == null || queries == null))) {
            throw new BadInputException("eval gate takes one labelled FILE, or both --reference FILE and --queries FILE");
        }
        GateScoring how = GateScoring.parse(scoring);
        Optional<String> given = Optional.ofNullable(oosLabel);
        try (Workspace workspace = model.workspace(cache)) {
            ProgressBar bar = output.progress("embedding");
            GateStudy.Result study = split
                    ? GateStudy.ofFile(workspace, model.model, columns.spec(file), given, OutOfScopeOption.HINT, how, bar,
                            CancellationToken.none())
                    : GateStudy.ofFiles(workspace, model.model, columns.spec(reference), columns.spec(queries), given,
                            OutOfScopeOption.HINT, how, bar, CancellationToken.none());
            bar.finish();
            Corpus[] files = study.read().toArray(Corpus[]::new);
            SkippedRows.warn(output, files);
            GateReport report = study.report();
            if (export != null) {
                GatePolicy.export(report.gate(), export);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", report.gate().modelId());
            result.put("scoring", how.label());
            result.put("references", study.references());
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
            SkippedRows.put(result, files);
            if (output.json) {
                output.printJson(result);
                return;
            }
            output.out().printf("%s, %s scoring: %d queries (%d in scope) against %d references%n", result.get("model"),
                    how.label(), report.queries(), report.inScope(), study.references());
            output.out().printf("AUROC %.4f; at threshold %.4f (keeps 95%% in scope) FPR %s, out-of-scope refused %s; "
                    + "in-scope intent accuracy %s; scoring %.2f s%n", report.auroc(), report.tpr95().threshold(),
                    Percent.of(report.fprAtTpr95()), Percent.of(report.oosRejectedAtTpr95()),
                    Percent.of(report.inScopeAccuracy()), report.scoringSeconds());
            if (export != null) {
                output.out().println("gate written to " + export);
            }
        }
    }
}
