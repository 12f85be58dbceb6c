package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.embex.BadInputException;
import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;
import org.embex.progress.CancellationToken;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.KeptSearches;
import org.embex.usecase.OwnVectors;
import org.embex.usecase.PlacedMap;
import org.embex.usecase.QueryModel;
import org.embex.usecase.Search;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;

/** Semantic search: the rows of a file nearest to a query. */
@Command(name = "search", header = "Find the rows of a file nearest to a query, or to one of its rows.",
        description = {"The query and the rows are embedded alike (the symmetric role), as the explorer's search box does.",
                "--like ID: the rows nearest to that row, as a click in the explorer shows them. For a map made by embex's Spark "
                        + "map job (-m file:embedding), the vectors are scored where they lie in the file, never loaded whole."})
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

    @Option(names = "-q", paramLabel = "TEXT", description = "The query.")
    private String query;

    @Option(names = "--like", paramLabel = "ID", description = "Instead of a query: the id of a row, whose nearest other rows are found.")
    private String like;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K", description = "How many rows (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--metric", defaultValue = "cosine", paramLabel = "METRIC",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); l2 scores are negated distances.")
    private Metric metric;

    @Option(names = "--query-model", paramLabel = "MODEL",
            description = "For vectors from a file (-m file:...): the installed model that made them, which embeds the query. "
                    + "It is checked first: a sample of the texts must give the file's vectors.")
    private String queryModel;

    @Spec
    private CommandSpec spec;

    @Option(names = "--exact", description = "Score every row, however many there are.")
    private boolean exact;

    @Option(names = "--graph-above", defaultValue = "200000", paramLabel = "ROWS",
            description = "Search files with more rows than this through a neighbour graph instead of scoring every row "
                    + "(default: ${DEFAULT-VALUE}).")
    private int graphAbove;

    @Override
    public void run() {
        if ((query == null) == (like == null)) {
            throw new BadInputException("give a query (-q TEXT) or a row (--like ID), one of them");
        }
        if (like != null) {
            likeRow();
            return;
        }
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
            boolean graphCached = readySearch(workspace, corpus);
            Search.Hits hits = Search.query(workspace, corpus, query, k, metric);
            List<Map<String, Object>> results = results(corpus.corpus(), hits.neighbours());
            if (output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("model", corpus.model());
                result.put("query", TextReport.of(query, hits.query()));
                result.put("metric", metric.label());
                result.put("search", hits.graph() ? "graph" : "exact");
                result.put("kept", corpus.keptSearch().map(Object::toString).orElse(null));
                if (hits.graph()) {
                    result.put("graph", graphCached ? "cached" : "built");
                }
                result.put("results", results);
                SkippedRows.put(result, corpus.corpus());
                output.printJson(result);
                return;
            }
            TextReport.warn(output.err(), "of the query", hits.query(), workspace.installed(corpus.modelRef()).descriptor());
            print(results);
        }
    }

    /** --like: a map's rows searched in its file; any other corpus embedded (or read) and searched as the window does. */
    private void likeRow() {
        if (k < 1) {
            throw new BadInputException("k must be at least 1, was " + k);
        }
        if (OwnVectors.fromFile(model.model) && PlacedMap.isMap(file)) {
            if (metric != Metric.COSINE) {
                throw new BadInputException(file + ": a map's rows are searched in its file by cosine; drop --metric");
            }
            try (PlacedMap map = PlacedMap.open(columns.spec(file))) {
                SkippedRows.warn(output, map.corpus());
                int row = map.corpus().indexOf(like);
                answer(map.corpus(), row, map.neighbours(row, k), "file", null);
            }
            return;
        }
        try (Workspace workspace = model.workspace(cache)) {
            workspace.exactSearchUpTo(exact ? Integer.MAX_VALUE : graphAbove);
            ProgressBar bar = output.progress("embedding");
            EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, columns.spec(file), model.model, bar, CancellationToken.none());
            bar.finish();
            SkippedRows.warn(output, corpus.corpus());
            CorpusWarnings.print(output, workspace, corpus);
            readySearch(workspace, corpus);
            int row = corpus.corpus().indexOf(like);
            answer(corpus.corpus(), row, corpus.neighbours(row, k, metric), corpus.indexed(metric) ? "graph" : "exact",
                    corpus.model());
        }
    }

    /**
     * The corpus searched as asked, a query's and a row's alike: --exact or --graph-above on this
     * line win over the search kept for the corpus (tune index --keep); then {@link Search#ready}.
     */
    private boolean readySearch(Workspace workspace, EmbeddedCorpus corpus) {
        if (exact || spec.commandLine().getParseResult().hasMatchedOption("--graph-above")) {
            KeptSearches.setAside(corpus);
        }
        ProgressBar indexing = output.progress("neighbour graph");
        boolean cached = Search.ready(workspace, corpus, metric, indexing);
        indexing.finish();
        return cached;
    }

    private void answer(Corpus corpus, int row, List<Neighbour> neighbours, String search, String modelName) {
        List<Map<String, Object>> results = results(corpus, neighbours);
        if (output.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            if (modelName != null) {
                result.put("model", modelName);
            }
            result.put("like", Map.of("id", like, "text", corpus.rows().get(row).text()));
            result.put("metric", metric.label());
            result.put("search", search);
            result.put("results", results);
            SkippedRows.put(result, corpus);
            output.printJson(result);
            return;
        }
        print(results);
    }

    private static List<Map<String, Object>> results(Corpus corpus, List<Neighbour> neighbours) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int rank = 0; rank < neighbours.size(); rank++) {
            TextRow row = corpus.rows().get(neighbours.get(rank).index());
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("rank", rank + 1);
            hit.put("id", row.id());
            hit.put("text", row.text());
            hit.put("label", row.label());
            hit.put("score", neighbours.get(rank).score());
            results.add(hit);
        }
        return results;
    }

    private void print(List<Map<String, Object>> results) {
        for (Map<String, Object> hit : results) {
            output.out().printf("%3d  %7.4f  %-16s %s%n", hit.get("rank"), hit.get("score"), hit.get("label"), hit.get("text"));
        }
    }
}
