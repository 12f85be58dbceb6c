package org.embex.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import org.embex.BadInputException;

import org.embex.corpus.Corpus;
import org.embex.corpus.RowCondition;
import org.embex.corpus.RowFilter;
import org.embex.corpus.TextRow;
import org.embex.neighbours.NeighbourSearch;
import org.embex.neighbours.SearchSetting;
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

    /** Better score last, lower row first on a tie: the heap's head is the worst kept. */
    private static final Comparator<Neighbour> BY_SCORE = Comparator.comparingDouble(Neighbour::score)
            .thenComparing(Comparator.comparingInt(Neighbour::index).reversed());

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

    /**
     * The {@code k} rows nearest to a query among {@code allowed} rows, best first: each allowed
     * row scored, as a filter narrows the rows looked at (a graph index over every row would miss
     * the allowed rows past its first answers).
     */
    public List<Neighbour> neighbours(float[] query, int k, Metric metric, BitSet allowed) {
        if (allowed.cardinality() >= size()) {
            return neighbours(query, k, metric);
        }
        VectorMatrix matrix = vectors();
        double queryNorm = Math.sqrt(Metric.dot(query, query));
        PriorityQueue<Neighbour> best = new PriorityQueue<>(k + 1, BY_SCORE);
        for (int row = allowed.nextSetBit(0); row >= 0 && row < size(); row = allowed.nextSetBit(row + 1)) {
            best.add(new Neighbour(row, matrix.score(row, query, queryNorm, metric)));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Neighbour> found = new ArrayList<>(best);
        found.sort(BY_SCORE.reversed());
        return found;
    }

    /** {@link #neighbours(int, int, Metric)} among {@code allowed} rows. */
    public List<Neighbour> neighbours(int index, int k, Metric metric, BitSet allowed) {
        BitSet others = (BitSet) allowed.clone();
        others.clear(index);
        return neighbours(vectors().row(index), k, metric, others);
    }

    /**
     * Only the rows that pass {@code filter}, with their vectors, for a use case that should see
     * only them (the threshold study, near-duplicates of a filtered view): row i of the result is
     * the i-th passing row of this one.
     */
    public EmbeddedCorpus subset(RowFilter filter) {
        if (filter.all()) {
            return this;
        }
        BitSet passing = filter.matches(corpus);
        if (passing.isEmpty()) {
            throw new BadInputException(corpus.source() + ": no row passes " + filter.describe());
        }
        int[] rows = passing.stream().toArray();
        int dims = dims();
        float[] values = new float[rows.length * dims];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(vectors().values(), rows[i] * dims, values, i * dims, dims);
        }
        Corpus kept = new Corpus(corpus.source(), corpus.columns(), Arrays.stream(rows).mapToObj(corpus.rows()::get).toList(),
                corpus.skipped());
        Corpus keptRead = read.rows().size() == corpus.rows().size()
                ? new Corpus(read.source(), read.columns(), Arrays.stream(rows).mapToObj(read.rows()::get).toList(), read.skipped())
                : kept;
        List<RowCondition> both = new ArrayList<>(spec.where().conditions());
        both.addAll(filter.conditions());
        return new EmbeddedCorpus(spec.where(new RowFilter(both)), kept, keptRead, model, modelRef, fingerprint,
                search.over(VectorMatrix.wrap(values, dims)), diagnostics, run);
    }

    /** Whether this corpus is large enough that its neighbour search should be given a graph index ({@link Search#index}). */
    public boolean wantsIndex() {
        return search.wantsIndex();
    }

    /** The search setting kept for this corpus ({@link KeptSearches}), if any. */
    public Optional<SearchSetting> keptSearch() {
        return search.kept();
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
