package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.neighbours.IndexSweep;
import org.embex.neighbours.SearchSetting;
import org.embex.progress.CancellationToken;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.IndexTuning;
import org.embex.usecase.KeptSearches;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/** Sweeps the search index's settings on a corpus. */
@Command(name = "index", header = "Recall@k against query time for embex's graph index and Lucene's HNSW on your corpus.",
        description = {"Rows of FILE held out of the indexes are the queries (a tenth of the rows at most); exact search over the rest is "
                + "the truth, and a row found counts when it scores at least the k-th true score.",
            "Each setting: recall, the median query time on one thread, the build time and the index's bytes per row beyond "
                    + "the vectors; * marks the Pareto front (no other setting finds as much or more as soon or sooner, and better in one)."})
final class TuneIndexCommand implements Runnable, ShowsSkippedRows {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    @Option(names = "--metric", defaultValue = "cosine", paramLabel = "METRIC", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Metric metric;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "N", description = "Rows searched as queries (default: ${DEFAULT-VALUE}).")
    private int queries;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K", description = "Neighbours whose recall is measured (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--seed", defaultValue = Seed.DEFAULT_TEXT, paramLabel = "S", description = "Seed of the queries and graphs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--keep", paramLabel = "SETTING",
            description = {"Keep a setting for FILE's later searches instead of sweeping: 'graph degree=D trees=T ef=E' (a row of the "
                    + "sweep's table), 'exact', or 'default' to let the corpus's size decide again.",
                "search, the window and serve then use it; search --exact or --graph-above still win on their own line."})
    private String keep;

    @Override
    public void run() {
        if (queries < 1 || k < 1) {
            throw new BadInputException("--queries and -k are at least 1, were " + queries + " and " + k);
        }
        try (Workspace workspace = model.workspace(cache)) {
            EmbeddedCorpus corpus = FileEmbedding.of(workspace, columns.spec(file), model.model, output);
            if (keep != null) {
                keep(workspace, corpus);
                return;
            }
            if (corpus.size() < 10 * (k + 1)) {
                throw new BadInputException(file + " has " + corpus.size() + " rows: an index sweep at k = " + k + " needs at least "
                        + 10 * (k + 1) + " (a tenth held out as queries)");
            }
            IndexSweep.Plan defaults = IndexSweep.Plan.defaults(seed);
            IndexSweep.Plan plan = new IndexSweep.Plan(defaults.degrees(), defaults.trees(), defaults.efs(), defaults.hnsw(), queries, k, seed);
            ProgressBar progress = output.progress("sweeping indexes");
            IndexSweep sweep = IndexTuning.sweep(corpus, metric, plan, progress, CancellationToken.none());
            progress.finish();
            report(corpus, sweep);
        }
    }

    private void keep(Workspace workspace, EmbeddedCorpus corpus) {
        Optional<SearchSetting> setting;
        try {
            setting = keep.trim().equalsIgnoreCase("default") ? Optional.empty() : Optional.of(SearchSetting.parse(keep));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--keep: " + e.getMessage());
        }
        KeptSearches.keep(workspace, corpus, setting);
        if (output.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", corpus.model());
            result.put("rows", corpus.size());
            result.put("kept", setting.map(Object::toString).orElse(null));
            output.printJson(result);
            return;
        }
        output.out().println(setting.map(chosen -> String.format("%s with %s: later searches use %s", file, corpus.model(), chosen))
                .orElse(String.format("%s with %s: searches are exact up to %,d rows again, through the graph index above", file,
                        corpus.model(), workspace.exactSearchUpTo())));
    }

    private void report(EmbeddedCorpus corpus, IndexSweep sweep) {
        if (output.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", corpus.model());
            result.put("rows", corpus.size());
            result.put("metric", sweep.metric().name().toLowerCase(java.util.Locale.ROOT));
            result.put("queries", sweep.queries());
            result.put("k", sweep.k());
            List<Map<String, Object>> settings = new ArrayList<>();
            for (IndexSweep.Setting setting : sweep.settings()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("index", setting.index());
                entry.put("keep", setting.keepable().map(Object::toString).orElse(null));
                entry.put("parameters", setting.parameters());
                entry.put("recall", setting.recall());
                entry.put("query_ms_p50", setting.millis());
                entry.put("build_seconds", setting.buildSeconds());
                entry.put("bytes_per_row", setting.bytesPerPoint());
                entry.put("pareto", setting.pareto());
                settings.add(entry);
            }
            result.put("settings", settings);
            SkippedRows.put(result, corpus.corpus());
            output.printJson(result);
            return;
        }
        output.out().printf("%s, %,d rows, %s: %d queries, recall@%d%n", corpus.model(), corpus.size(),
                sweep.metric().name().toLowerCase(java.util.Locale.ROOT), sweep.queries(), sweep.k());
        output.out().printf("  %-46s %8s %10s %9s %10s%n", "setting (embex's and exact: as --keep takes it)", "recall", "query ms",
                "build s", "bytes/row");
        for (IndexSweep.Setting setting : sweep.settings()) {
            output.out().printf("%s %-46s %8.4f %10.3f %9.1f %10.0f%n", setting.pareto() ? "*" : " ", setting.label(), setting.recall(),
                    setting.millis(), setting.buildSeconds(), setting.bytesPerPoint());
        }
    }
}
