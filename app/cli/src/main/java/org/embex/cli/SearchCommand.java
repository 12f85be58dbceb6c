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

import org.embex.cache.SearchIndexes;
import org.embex.corpus.TextRow;
import org.embex.embed.Embedder;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.neighbours.NeighbourSearch;
import org.embex.vectors.VectorMatrix;

/** Semantic search: the rows of a file nearest to a query. */
@Command(name = "search", header = "Find the rows of a file nearest to a query.")
final class SearchCommand implements Runnable {

    private static final long SEED = 42;

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

    @Option(names = "--exact", description = "Score every row, however many there are.")
    private boolean exact;

    @Option(names = "--graph-above", defaultValue = "200000", paramLabel = "ROWS",
            description = "Search files with more rows than this through a neighbour graph instead of scoring every row "
                    + "(default: ${DEFAULT-VALUE}).")
    private int graphAbove;

    @Override
    public void run() {
        if (k < 1) {
            throw new org.embex.BadInputException("-k must be at least 1, was " + k);
        }
        List<TextRow> rows = columns.read(file).rows();
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            Embedder embedder = session.embedder();
            ProgressBar bar = output.progress("embedding");
            List<float[]> vectors = session.source().embed(rows.stream().map(TextRow::text).toList(), Role.PASSAGE, bar)
                    .stream().map(Embedding::vector).toList();
            bar.finish();
            Embedding asked = embedder.embed(query, Role.QUERY);
            List<Map<String, Object>> results = new ArrayList<>();
            NeighbourSearch search = new NeighbourSearch(VectorMatrix.of(vectors, embedder.descriptor().dims()),
                    exact ? Integer.MAX_VALUE : graphAbove, SEED);
            boolean graph = search.wantsIndex();
            boolean graphCached = false;
            if (graph) {
                ProgressBar indexing = output.progress("neighbour graph");
                graphCached = SearchIndexes.index(session.cache(), session.cache().sha256(file), columns.describe(file),
                        session.source().fingerprint().hex(), search, metric, indexing);
                indexing.finish();
            }
            List<Neighbour> nearest = search.nearest(asked.vector(), k, metric);
            for (int rank = 0; rank < nearest.size(); rank++) {
                TextRow row = rows.get(nearest.get(rank).index());
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("rank", rank + 1);
                hit.put("id", row.id());
                hit.put("text", row.text());
                hit.put("label", row.label());
                hit.put("score", nearest.get(rank).score());
                results.add(hit);
            }
            if (output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("model", embedder.descriptor().id());
                result.put("query", TextReport.of(query, asked));
                result.put("metric", metric.label());
                result.put("search", graph ? "graph" : "exact");
                if (graph) {
                    result.put("graph", graphCached ? "cached" : "built");
                }
                result.put("results", results);
                output.printJson(result);
                return;
            }
            var out = output.out();
            TextReport.warn(out, "of the query", asked, embedder.descriptor());
            for (Map<String, Object> hit : results) {
                out.printf("%3d  %7.4f  %-16s %s%n", hit.get("rank"), hit.get("score"), hit.get("label"), hit.get("text"));
            }
        }
    }
}
