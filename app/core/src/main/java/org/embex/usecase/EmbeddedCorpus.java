package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;

import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;
import org.embex.neighbours.NeighbourSearch;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * A corpus with one vector per row from one model: what every later use case works on (layouts,
 * neighbours, clusters, studies, comparisons). The vectors are one {@link VectorMatrix}, built
 * once when the corpus is embedded and handed on as it is. Neighbours come from {@code search}:
 * exact, or through its graph index once built for a corpus too large to score every row.
 *
 * @param read        the corpus as its file was read: what another model embeds (vectors a file brought
 *                    leave their column out of {@code corpus}, not out of this)
 * @param model       the model's id, for people
 * @param modelRef    the model's folder, which names it for later use cases (an id may name another folder)
 * @param fingerprint the model's fingerprint, part of every cache key made for this corpus
 * @param run         what the embedding cost: texts embedded now and read from the cache, seconds
 */
public record EmbeddedCorpus(CorpusSpec spec, Corpus corpus, Corpus read, String model, String modelRef, String fingerprint,
                             NeighbourSearch search,
                             EmbedDiagnostics diagnostics, EmbedRun run) {

    /**
     * @param distinct texts looked up: duplicates in the corpus are embedded and cached once
     * @param embedded of them computed in this run
     * @param cached   of them read from the cache
     */
    public record EmbedRun(int distinct, int embedded, int cached, double seconds) {
    }

    public VectorMatrix vectors() {
        return search.matrix();
    }

    public int size() {
        return corpus.rows().size();
    }

    public int dims() {
        return vectors().dims();
    }

    public TextRow row(int index) {
        return corpus.rows().get(index);
    }

    /** The labels of the rows, in row order (empty or {@code null} where a row has none). */
    public List<String> labels() {
        return corpus.rows().stream().map(TextRow::label).toList();
    }

    /** The labels the rows carry, each once, sorted. */
    public List<String> labelNames() {
        return labels().stream().filter(label -> label != null && !label.isEmpty()).distinct().sorted().toList();
    }

    /** Whether some row has a label. */
    public boolean labelled() {
        return corpus.rows().stream().anyMatch(row -> row.label() != null && !row.label().isEmpty());
    }

    /** The {@code k} rows nearest to row {@code index}, the row itself left out. */
    public List<Neighbour> neighbours(int index, int k, Metric metric) {
        List<Neighbour> found = search.nearest(vectors().row(index), k + 1, metric);
        List<Neighbour> others = new ArrayList<>(k);
        for (Neighbour neighbour : found) {
            if (neighbour.index() != index && others.size() < k) {
                others.add(neighbour);
            }
        }
        return others;
    }

    /** The {@code k} rows nearest to a query vector. */
    public List<Neighbour> neighbours(float[] query, int k, Metric metric) {
        return search.nearest(query, k, metric);
    }

    /** Whether this corpus is large enough that its neighbour search should be given a graph index ({@link Search#index}). */
    public boolean wantsIndex() {
        return search.wantsIndex();
    }

    /** Whether neighbours under {@code metric} come from the graph index rather than from scoring every row. */
    public boolean indexed(Metric metric) {
        return search.indexed(metric);
    }

    /** Every row's score against a query vector, for colouring by similarity. */
    public double[] scores(float[] query, Metric metric) {
        return vectors().scores(query, metric);
    }
}
