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
import org.embex.embed.ModelCost;
import org.embex.progress.CancellationToken;
import org.embex.usecase.ModelLineup;
import org.embex.usecase.PairColumns;
import org.embex.usecase.Workspace;

/** Every installed model on a corpus: speed against quality in one table. */
@Command(name = "models", header = "Every installed model on your corpus: texts/s, query latency, memory, and the quality your labels allow.",
        description = {"Each local model embeds FILE (through the cache) and is timed on texts drawn from it; its memory is the "
                + "process's resident set before and after loading it (Linux). Quality: the gate's AUROC and the out-of-scope "
                + "share it refuses while keeping 95% in scope (with an out-of-scope label), k-NN label accuracy (with labels), "
                + "STS Spearman (with --sts)."})
final class TuneModelsCommand implements Runnable {

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

    @Option(names = "--texts", defaultValue = "500", paramLabel = "N", description = "Texts each model is timed on (default: ${DEFAULT-VALUE}).")
    private int texts;

    @Option(names = {OutOfScopeOption.NAME, OutOfScopeOption.ALIAS}, paramLabel = "LABEL", description = OutOfScopeOption.DESCRIPTION)
    private String outOfScope;

    @Option(names = "--sts", paramLabel = "PAIRS", description = "Also each model's Spearman on these scored sentence pairs (as 'eval sts' reads them).")
    private Path sts;

    @Option(names = "--vectors", paramLabel = "file:COLUMN", description = "Also FILE's own vectors (as -m file:COLUMN reads them), "
            + "beside the models on quality.")
    private String vectors;

    @Option(names = "--seed", defaultValue = Seed.DEFAULT_TEXT, paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public void run() {
        if (texts < 2) {
            throw new BadInputException("--texts is at least 2, was " + texts);
        }
        Optional<PairColumns.Pairs> pairs = sts == null ? Optional.empty() : Optional.of(PairColumns.scores().read(sts));
        try (Workspace workspace = catalogue.workspace(cache)) {
            ProgressBar progress = output.progress("measuring models");
            List<ModelLineup.Entry> entries = ModelLineup.measure(workspace, columns.spec(file), texts, Optional.ofNullable(outOfScope), pairs,
                    Optional.ofNullable(vectors), seed, progress, CancellationToken.none());
            progress.finish();
            if (entries.isEmpty()) {
                throw new BadInputException("no local model is installed: ./embex models install all-minilm-l6-v2");
            }
            report(entries);
        }
    }

    private void report(List<ModelLineup.Entry> entries) {
        if (output.json) {
            List<Map<String, Object>> models = new ArrayList<>();
            for (ModelLineup.Entry entry : entries) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", entry.name());
                row.put("texts_per_second", entry.cost().map(ModelCost::textsPerSecond).orElse(null));
                row.put("query_ms_p50", entry.cost().map(ModelCost::queryMillis).orElse(null));
                row.put("resident_bytes", entry.cost().filter(cost -> cost.residentBytes().isPresent())
                        .map(cost -> cost.residentBytes().getAsLong()).orElse(null));
                row.put("file_bytes", entry.cost().map(ModelCost::fileBytes).orElse(null));
                row.put("gate_auroc", value(entry.gateAuroc()));
                row.put("refused_at_95_kept", value(entry.refusedAt95()));
                row.put("knn_label_accuracy", value(entry.knnAccuracy()));
                row.put("sts_spearman", value(entry.stsSpearman()));
                models.add(row);
            }
            output.printJson(Map.of("file", file.toString(), "models", models));
            return;
        }
        output.out().printf("%-22s %9s %9s %9s %9s %8s %9s %8s %8s%n", "model", "texts/s", "query ms", "RSS MB", "file MB", "AUROC",
                "refused", "k-NN", "STS");
        for (ModelLineup.Entry entry : entries) {
            Optional<ModelCost> cost = entry.cost();
            output.out().printf("%-22s %9s %9s %9s %9s %8s %9s %8s %8s%n", entry.name(),
                    cost.map(c -> String.format("%.1f", c.textsPerSecond())).orElse("—"),
                    cost.map(c -> String.format("%.2f", c.queryMillis())).orElse("—"),
                    cost.filter(c -> c.residentBytes().isPresent()).map(c -> String.format("%.0f", c.residentBytes().getAsLong() / 1e6)).orElse("—"),
                    cost.map(c -> String.format("%.1f", c.fileBytes() / 1e6)).orElse("—"), text(entry.gateAuroc(), "%.4f"),
                    text(entry.refusedAt95(), "%.1f%%", 100), text(entry.knnAccuracy(), "%.1f%%", 100), text(entry.stsSpearman(), "%.4f"));
        }
    }

    private static Double value(OptionalDouble figure) {
        return figure.isPresent() ? figure.getAsDouble() : null;
    }

    private static String text(OptionalDouble figure, String format) {
        return text(figure, format, 1);
    }

    private static String text(OptionalDouble figure, String format, double scale) {
        return figure.isPresent() ? String.format(format, figure.getAsDouble() * scale) : "—";
    }
}
