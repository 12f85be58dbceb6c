package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.compare.ModelComparison;
import org.embex.compare.ModelMetrics;
import org.embex.corpus.Corpus;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;
import org.embex.corpus.TextRow;
import org.embex.embed.Embedding;
import org.embex.eval.StsEvaluation;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/** Two models on the same corpus: how far their neighbourhoods agree, and where they differ most. */
@Command(name = "compare", header = "Compare two models on the same texts: neighbour overlap, the rows they disagree on, metrics.",
        description = "For each row, the share of its k nearest rows that both models name (1 = the same neighbours). "
                + "Metrics per model when the corpus has labels: leave-one-out k-NN label accuracy and the silhouette of "
                + "the labels (cosine).")
final class CompareCommand implements Runnable {

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

    @Option(names = "-k", defaultValue = "10", paramLabel = "K", description = "Neighbours per row (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--metric", defaultValue = "cosine", paramLabel = "METRIC", description = "cosine, dot or l2 (default: ${DEFAULT-VALUE}).")
    private String metric;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Disagreeing rows to list (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--sts", paramLabel = "PAIRS",
            description = "Also score both models on these sentence pairs with a gold score (as 'eval sts' reads them).")
    private Path sts;

    @Option(names = "--score", defaultValue = "score", paramLabel = "COL", description = "Gold score column of --sts (default: ${DEFAULT-VALUE}).")
    private String score;

    @Option(names = "--sts-no-header", description = "The --sts file has no header: sentence1, sentence2, score by position.")
    private boolean stsNoHeader;

    /** The --sts file: sentence1, sentence2 and the score column by name, or the first three by position. */
    private PairOptions.Pairs stsPairs() {
        Table table = TableReader.read(sts, !stsNoHeader);
        return new PairOptions.Pairs(table, table.values(table.column(stsNoHeader ? "1" : "sentence1")),
                table.values(table.column(stsNoHeader ? "2" : "sentence2")), table.column(stsNoHeader ? "3" : score));
    }

    @Override
    public void run() {
        if (models.size() != 2) {
            throw new BadInputException("compare needs exactly two models (-m A -m B), got " + models.size());
        }
        Metric chosen = Metric.parse(metric);
        Corpus corpus = columns.read(file);
        if (k < 1 || k >= corpus.rows().size()) {
            throw new BadInputException(file + ": k must be between 1 and " + (corpus.rows().size() - 1) + ", was " + k);
        }
        List<ModelFolder> folders = models.stream().map(id -> catalogue.catalogue().findInstalled(id)).toList();
        PairOptions.Pairs stsPairs = sts == null ? null : stsPairs();
        List<List<float[]>> vectors = new ArrayList<>();
        Map<String, Double> spearman = new LinkedHashMap<>();
        for (ModelFolder folder : folders) {
            try (EmbeddingSession session = EmbeddingSession.open(folder, cache)) {
                ProgressBar bar = output.progress("embedding with " + folder.id());
                vectors.add(session.source().embed(corpus.texts(), Role.TEXT, bar).stream().map(Embedding::vector).toList());
                bar.finish();
                if (stsPairs != null) {
                    ProgressBar stsBar = output.progress("STS pairs with " + folder.id());
                    spearman.put(folder.id(), StsEvaluation.run(session.source(), stsPairs.left(), stsPairs.right(),
                            stsPairs.numbers("score"), stsBar).spearman());
                    stsBar.finish();
                }
            }
        }
        List<String> labels = corpus.rows().stream().map(TextRow::label).toList();
        ModelComparison comparison = ModelComparison.of(folders.get(0).id(), vectors.get(0), folders.get(1).id(), vectors.get(1),
                labels, k, chosen, seed, ProgressListener.NONE);

        List<Map<String, Object>> disagreeing = new ArrayList<>();
        for (int r = 0; r < Math.min(top, comparison.mostDisagreeing().length); r++) {
            int row = comparison.mostDisagreeing()[r];
            TextRow text = corpus.rows().get(row);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", text.id());
            entry.put("line", text.line());
            entry.put("overlap", comparison.overlap()[row]);
            entry.put("label", text.label());
            entry.put("text", text.text());
            disagreeing.add(entry);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("models", folders.stream().map(ModelFolder::id).toList());
        result.put("rows", corpus.rows().size());
        result.put("k", k);
        result.put("metric", chosen.label());
        result.put("neighbour_overlap_mean", comparison.meanOverlap());
        result.put("neighbour_overlap_median", comparison.medianOverlap());
        result.put("most_disagreeing", disagreeing);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (ModelMetrics model : List.of(comparison.first(), comparison.second())) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("knn_label_accuracy", model.knnLabelAccuracy().isPresent() ? model.knnLabelAccuracy().getAsDouble() : null);
            figures.put("label_silhouette", model.labelSilhouette().isPresent() ? model.labelSilhouette().getAsDouble() : null);
            if (stsPairs != null) {
                figures.put("sts_spearman", spearman.get(model.model()));
            }
            metrics.put(model.model(), figures);
        }
        result.put("metrics", metrics);
        if (output.json) {
            output.printJson(result);
            return;
        }
        output.out().printf("%s vs %s on %,d rows: %d-NN overlap mean %.3f, median %.3f (%s)%n", folders.get(0).id(),
                folders.get(1).id(), corpus.rows().size(), k, comparison.meanOverlap(), comparison.medianOverlap(), chosen.label());
        for (ModelMetrics model : List.of(comparison.first(), comparison.second())) {
            if (model.knnLabelAccuracy().isPresent()) {
                output.out().printf("  %-22s k-NN label accuracy %.3f, label silhouette %s%s%n", model.model(),
                        model.knnLabelAccuracy().getAsDouble(), model.labelSilhouette().isPresent()
                                ? String.format("%.3f", model.labelSilhouette().getAsDouble()) : "n/a",
                        spearman.containsKey(model.model()) ? String.format(", STS Spearman %.2f", spearman.get(model.model())) : "");
            }
        }
        output.out().println("Rows the models disagree on most (overlap, label, text):");
        for (Map<String, Object> entry : disagreeing) {
            output.out().printf("  %.2f  %-16s %s%n", (double) entry.get("overlap"), entry.get("label") == null ? "" : entry.get("label"),
                    entry.get("text"));
        }
    }
}
