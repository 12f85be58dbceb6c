package org.embex.usecase;

import java.util.List;

import org.embex.BadInputException;
import org.embex.cache.SearchIndexes;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;

/**
 * A typed query's nearest texts in an embedded corpus: {@code search} prints them, the window
 * lists and rings them. The query is embedded as the corpus's texts are (the symmetric role), by
 * the model alone (one text, lowest latency), and searched exactly, or through the graph index
 * once {@link #index} has given a large corpus one.
 */
public final class Search {

    private Search() {
    }

    /**
     * @param query     the query's embedding: its token count, unknown share and cut, for warnings
     * @param neighbours best first
     * @param graph     answered through the graph index rather than by scoring every row
     */
    public record Hits(String text, Embedding query, List<Neighbour> neighbours, boolean graph) {
    }

    public static Hits query(Workspace workspace, EmbeddedCorpus corpus, String text, int k, Metric metric) {
        check(text, k);
        if (QueryModel.needed(corpus)) {
            throw new BadInputException(QueryModel.missing(corpus) + " (--query-model MODEL).");
        }
        return nearest(corpus, text, embed(workspace, corpus.modelRef(), text), k, metric);
    }

    /**
     * The rows nearest to a query embedded already (as {@link #embed} does, or with others of a
     * server's batch): the neighbours {@link #query} finds.
     */
    public static Hits nearest(EmbeddedCorpus corpus, String text, Embedding query, int k, Metric metric) {
        return new Hits(text, query, corpus.neighbours(query.vector(), k, metric), corpus.indexed(metric));
    }

    /** A query a face can refuse before it embeds anything: blank, or asking for fewer than one row. */
    public static void check(String text, int k) {
        if (text.isBlank()) {
            throw new BadInputException("the query is empty");
        }
        if (k < 1) {
            throw new BadInputException("k must be at least 1, was " + k);
        }
    }

    /** A text embedded as the corpus's texts are, without the cache (a typed query is asked once). */
    public static Embedding embed(Workspace workspace, String model, String text) {
        return workspace.embedder(model).embed(text, Role.TEXT);
    }

    /**
     * {@link #index} when the corpus wants a graph index (it is large, or a graph is kept for it), nothing
     * otherwise: what a face does before it searches. True when the index came from the cache.
     */
    public static boolean ready(Workspace workspace, EmbeddedCorpus corpus, Metric metric, ProgressListener listener) {
        return corpus.wantsIndex() && index(workspace, corpus, metric, listener);
    }

    /**
     * Gives a large corpus's neighbour search its graph index for {@code metric}: read back from the
     * cache when this corpus and model were indexed before, built and kept otherwise (long: a job).
     * Returns true when it came from the cache. The one place the index's cache key is made.
     */
    public static boolean index(Workspace workspace, EmbeddedCorpus corpus, Metric metric, ProgressListener listener) {
        return SearchIndexes.index(workspace.cache(), CorpusHash.of(workspace.cache(), corpus),
                corpus.spec().describe(), corpus.fingerprint(), corpus.search(), metric, listener);
    }
}
