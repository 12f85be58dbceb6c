package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;

import org.embex.corpus.Corpus;
import org.embex.corpus.TextRow;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.neighbours.NeighbourSearch;
import org.embex.vectors.VectorMatrix;

/**
 * A corpus with one vector per row from one model: what the map and the neighbour list work on.
 * Neighbours come from {@code search}: exact, or through its graph index once built for a corpus
 * too large to score every row at each click.
 */
public record EmbeddedCorpus(CorpusSpec spec, Corpus corpus, String model, String fingerprint, List<float[]> vectors,
                             NeighbourSearch search, EmbedDiagnostics diagnostics) {

    public VectorMatrix matrix() {
        return search.matrix();
    }

    public int size() {
        return vectors.size();
    }

    public TextRow row(int index) {
        return corpus.rows().get(index);
    }

    /** The {@code k} rows nearest to row {@code index}, the row itself left out. */
    public List<Neighbour> neighbours(int index, int k, Metric metric) {
        List<Neighbour> found = search.nearest(vectors.get(index), k + 1, metric);
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

    /** Every row's score against a query vector, for colouring by similarity. */
    public double[] scores(float[] query, Metric metric) {
        return matrix().scores(query, metric);
    }
}
