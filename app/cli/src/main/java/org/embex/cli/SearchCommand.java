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

import org.embex.corpus.TextRow;
import org.embex.progress.CancellationToken;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.QueryModel;
import org.embex.usecase.Search;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/** Semantic search: the rows of a file nearest to a query. */
@Command(name = "search", header = "Find the rows of a file nearest to a query.",
        description = "The query and the rows are embedded alike (the symmetric role), as the explorer's search box does.")
final class SearchCommand implements Runnable, ShowsSkippedRows {

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

    @Option(names = "-q", required = true, paramLabel = "TEXT", description = "The query.")
    private String query;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K", description = "How many rows (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--metric", defaultValue = "cosine", paramLabel = "METRIC",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); l2 scores are negated distances.")
    private Metric metric;

    @Option(names = "--query-model", paramLabel = "MODEL",
            description = "For vectors from a file (-m file:...): the installed model that made them, which embeds the query. "
                    + "It is checked first: a sample of the texts must give the file's vectors.")
    private String queryModel;

    @Option(names = "--exact", description = "Score every row, however many there are.")
    private boolean exact;

    @Option(names = "--graph-above", defaultValue = "200000", paramLabel = "ROWS",
            description = "Search files with more rows than this through a neighbour graph instead of scoring every row "
                    + "(default: ${DEFAULT-VALUE}).")
    private int graphAbove;

    @Override
    public void run() {
        Search.check(query, k);
        try (Workspace workspace = model.workspace(cache)) {
            workspace.exactSearchUpTo(exact ? Integer.MAX_VALUE : graphAbove);
            ProgressBar bar = output.progress("embedding");
            EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, columns.spec(file), model.model, bar,
                    CancellationToken.none());
            bar.finish();
            if (queryModel != null) {
                ProgressBar checking = output.progress("checking " + queryModel);
                corpus = QueryModel.claim(workspace, corpus, queryModel, checking, CancellationToken.none());
                checking.finish();
            }
            SkippedRows.warn(output, corpus.corpus());
            CorpusWarnings.print(output, workspace, corpus);
            boolean graphCached = false;
            if (corpus.wantsIndex()) {
                ProgressBar indexing = output.progress("neighbour graph");
                graphCached = Search.index(workspace, corpus, metric, indexing);
                indexing.finish();
            }
            Search.Hits hits = Search.query(workspace, corpus, query, k, metric);
            List<Map<String, Object>> results = new ArrayList<>();
            for (int rank = 0; rank < hits.neighbours().size(); rank++) {
                TextRow row = corpus.row(hits.neighbours().get(rank).index());
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("rank", rank + 1);
                hit.put("id", row.id());
                hit.put("text", row.text());
                hit.put("label", row.label());
                hit.put("score", hits.neighbours().get(rank).score());
                results.add(hit);
            }
            if (output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("model", corpus.model());
                result.put("query", TextReport.of(query, hits.query()));
                result.put("metric", metric.label());
                result.put("search", hits.graph() ? "graph" : "exact");
                if (hits.graph()) {
                    result.put("graph", graphCached ? "cached" : "built");
                }
                result.put("results", results);
                SkippedRows.put(result, corpus.corpus());
                output.printJson(result);
                return;
            }
            var out = output.out();
            TextReport.warn(output.err(), "of the query", hits.query(), workspace.installed(corpus.modelRef()).descriptor());
            for (Map<String, Object> hit : results) {
                out.printf("%3d  %7.4f  %-16s %s%n", hit.get("rank"), hit.get("score"), hit.get("label"), hit.get("text"));
            }
        }
    }
}
