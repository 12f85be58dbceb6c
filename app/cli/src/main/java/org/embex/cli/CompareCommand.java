package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.compare.ModelMetrics;
import org.embex.corpus.TextRow;
import org.embex.progress.CancellationToken;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.ModelPair;
import org.embex.usecase.PairColumns;
import org.embex.usecase.Percent;
import org.embex.usecase.StsStudy;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/** Two models side by side on one corpus. */
@Command(name = "compare", header = "Compare two models on the same texts: neighbour overlap, the rows they disagree on, metrics.")
final class CompareCommand implements Runnable, ShowsSkippedRows {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "A model id or folder; give it twice: -m A -m B.")
    private List<String> models;

    @Mixin
    private CatalogueOptions catalogue;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    @Option(names = "-k", paramLabel = "K", description = "Neighbours per row (default: " + ModelPair.DEFAULT_K + ").")
    private Integer k;

    @Option(names = "--metric", defaultValue = "cosine", paramLabel = "METRIC", description = "cosine, dot or l2 (default: ${DEFAULT-VALUE}).")
    private String metric;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Disagreeing rows to list (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--seed", defaultValue = Seed.DEFAULT_TEXT, paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {OutOfScopeOption.NAME, OutOfScopeOption.ALIAS}, paramLabel = "LABEL",
            description = OutOfScopeOption.DESCRIPTION)
    private String outOfScope;

    @Option(names = "--sts", paramLabel = "PAIRS",
            description = "Also score both models on these sentence pairs with a gold score (as 'eval sts' reads them).")
    private Path sts;

    @Option(names = "--score", defaultValue = "score", paramLabel = "COL", description = "Gold score column of --sts (default: ${DEFAULT-VALUE}).")
    private String score;

    @Option(names = "--sts-no-header", description = "The --sts file has no header: sentence1, sentence2, score by position.")
    private boolean stsNoHeader;

    @Override
    public void run() {
        if (models.size() != 2) {
            throw new BadInputException("compare needs exactly two models (-m A -m B), got " + models.size());
        }
        Metric chosen = Metric.parse(metric);
        PairColumns.Pairs stsPairs = sts == null ? null
                : PairColumns.scores().named(PairColumns.LEFT, PairColumns.RIGHT, score).withHeader(!stsNoHeader).read(sts);
        try (Workspace workspace = catalogue.workspace(cache)) {
            ProgressBar bar = output.progress("embedding with " + models.get(0));
            EmbeddedCorpus first = CorpusEmbedding.embed(workspace, columns.spec(file), models.get(0), bar,
                    CancellationToken.none());
            bar.finish();
            SkippedRows.warn(output, first.corpus());
            CorpusWarnings.print(output, workspace, first);
            ProgressBar second = output.progress("embedding with " + models.get(1));
            ModelPair pair = ModelPair.of(workspace, first, models.get(1), Optional.ofNullable(k), chosen,
                    Optional.ofNullable(outOfScope), seed, second, CancellationToken.none());
            second.finish();
            CorpusWarnings.print(output, workspace, pair.second());
            List<Double> spearman = new ArrayList<>();
            if (stsPairs != null) {
                for (EmbeddedCorpus model : List.of(pair.first(), pair.second())) {
                    ProgressBar stsBar = output.progress("STS pairs with " + model.model());
                    spearman.add(StsStudy.of(workspace, model.modelRef(), stsPairs, stsBar, CancellationToken.none()).spearman());
                    stsBar.finish();
                }
            }
            print(pair, chosen, spearman);
        }
    }

    /** @param spearman each model's STS Spearman, first then second, or empty */
    private void print(ModelPair pair, Metric chosen, List<Double> spearman) {
        var comparison = pair.comparison();
        List<Map<String, Object>> disagreeing = new ArrayList<>();
        for (int r = 0; r < Math.min(top, comparison.mostDisagreeing().length); r++) {
            int row = comparison.mostDisagreeing()[r];
            TextRow text = pair.first().row(row);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", text.id());
            entry.put("line", text.line());
            entry.put("overlap", comparison.overlap()[row]);
            entry.put("label", text.label());
            entry.put("text", text.text());
            disagreeing.add(entry);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("models", List.of(pair.first().model(), pair.second().model()));
        result.put("rows", pair.first().size());
        result.put("k", comparison.k());
        result.put("metric", chosen.label());
        result.put("neighbour_overlap_mean", comparison.meanOverlap());
        result.put("neighbour_overlap_median", comparison.medianOverlap());
        result.put("most_disagreeing", disagreeing);
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<OptionalDouble> gates = List.of(pair.firstGateAuroc(), pair.secondGateAuroc());
        List<ModelMetrics> both = List.of(comparison.first(), comparison.second());
        for (int m = 0; m < 2; m++) {
            ModelMetrics model = both.get(m);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("knn_label_accuracy", model.knnLabelAccuracy().isPresent() ? model.knnLabelAccuracy().getAsDouble() : null);
            figures.put("label_silhouette", model.labelSilhouette().isPresent() ? model.labelSilhouette().getAsDouble() : null);
            figures.put("gate_auroc", gates.get(m).isPresent() ? gates.get(m).getAsDouble() : null);
            if (!spearman.isEmpty()) {
                figures.put("sts_spearman", spearman.get(m));
            }
            metrics.put(model.model(), figures);
        }
        result.put("metrics", metrics);
        SkippedRows.put(result, pair.first().corpus());
        if (output.json) {
            output.printJson(result);
            return;
        }
        output.out().printf("%s vs %s on %,d rows: %d-NN overlap mean %.3f, median %.3f (%s)%n", pair.first().model(),
                pair.second().model(), pair.first().size(), comparison.k(), comparison.meanOverlap(), comparison.medianOverlap(),
                chosen.label());
        for (int m = 0; m < 2; m++) {
            ModelMetrics model = both.get(m);
            if (model.knnLabelAccuracy().isPresent()) {
                output.out().printf("  %-22s k-NN label accuracy %s, label silhouette %s%s%s%n", model.model(),
                        Percent.of(model.knnLabelAccuracy().getAsDouble()), model.labelSilhouette().isPresent()
                                ? String.format("%.3f", model.labelSilhouette().getAsDouble()) : "n/a",
                        gates.get(m).isPresent() ? String.format(", gate AUROC %.4f", gates.get(m).getAsDouble()) : "",
                        spearman.isEmpty() ? "" : String.format(", STS Spearman %.4f", spearman.get(m)));
            }
        }
        output.out().println("Rows the models disagree on most (overlap, label, text):");
        for (Map<String, Object> entry : disagreeing) {
            output.out().printf("  %.2f  %-16s %s%n", (double) entry.get("overlap"), entry.get("label") == null ? "" : entry.get("label"),
                    entry.get("text"));
        }
    }
}
