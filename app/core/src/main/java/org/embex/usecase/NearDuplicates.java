package org.embex.usecase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.BadInputException;
import org.embex.duplicates.DuplicateGroup;
import org.embex.duplicates.DuplicateGroups;
import org.embex.duplicates.IdenticalRows;
import org.embex.neighbours.GraphIndex;
import org.embex.neighbours.PairsAbove;
import org.embex.neighbours.SimilarPairs;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * Near-duplicates in an embedded corpus: every pair of rows at or above a cosine threshold (the
 * one picked in the threshold workbench, or given), grouped around representatives
 * ({@link DuplicateGroups}). Every pair is scored while that is cheaper than building a neighbour
 * graph; above {@link #EXACT_UP_TO} rows the pairs come through the corpus's graph index, kept in
 * the cache like the search's (the benchmark {@code bench/run duplicates} counts what it misses).
 * {@code duplicates} prints and exports the groups; the window lists them and selects them on the map.
 */
public final class NearDuplicates {

    /**
     * Distinct vectors up to which every pair is scored. Measured on MiniLM vectors of short texts
     * (2 cores, {@code bench/run duplicates}): every pair of 20,000 rows in 4.7 s against 6.6 s for
     * the graph and a search per row; of 100,000 rows in 114 s against 40 s. Every pair costs n²,
     * the graph about n, so they cross near 28,000 (decision record 0018).
     */
    public static final int EXACT_UP_TO = 25_000;

    /** Pairs of distinct vectors past which a threshold is refused as too low: more would not fit a 4 GB heap. */
    public static final long MAX_PAIRS = 10_000_000;

    private NearDuplicates() {
    }

    /**
     * @param threshold the cosine a pair reaches
     * @param graph     whether the pairs came through the graph index (true) or from scoring every pair
     * @param pairs     pairs of rows at or above the threshold (rows that share a vector are pairs too)
     */
    public record Found(double threshold, boolean graph, long pairs, DuplicateGroups.Grouping grouping) {

        public List<DuplicateGroup> groups() {
            return grouping.groups();
        }

        /**
         * The same groups found in a subset of a corpus ({@link EmbeddedCorpus#subset}), each row
         * numbered as in the whole: {@code original[i]} is the whole's number of the subset's row i.
         */
        public Found onRows(int[] original) {
            List<DuplicateGroup> renumbered = groups().stream()
                    .map(group -> new DuplicateGroup(Arrays.stream(group.members()).map(m -> original[m]).toArray(), group.scores()))
                    .toList();
            return new Found(threshold, graph, pairs, new DuplicateGroups.Grouping(renumbered, grouping.unplaced()));
        }
    }

    /**
     * The near-duplicates of {@code corpus} at {@code threshold}: every pair scored while the
     * distinct vectors are at most {@code exactUpTo}, through the graph index above.
     */
    public static Found find(Workspace workspace, EmbeddedCorpus corpus, double threshold, int exactUpTo,
                             ProgressListener listener) {
        check(threshold);
        if (exactUpTo < 0) {
            throw new BadInputException("the size up to which every pair is scored must be 0 or more, was " + exactUpTo);
        }
        IdenticalRows identical = IdenticalRows.of(corpus.vectors());
        VectorMatrix distinct = identical.distinct(corpus.vectors());
        boolean graph = identical.size() > exactUpTo;
        SimilarPairs pairs;
        try {
            pairs = graph
                    ? PairsAbove.viaGraph(distinct, index(workspace, corpus, distinct, listener), threshold, MAX_PAIRS, listener)
                    : PairsAbove.exact(distinct, threshold, MAX_PAIRS, listener);
        } catch (PairsAbove.TooMany e) {
            throw new BadInputException(String.format("more than %,d pairs of distinct texts reach a cosine of %.4f in %s: "
                    + "that is not near-duplicates; raise the threshold", e.limit(), threshold, corpus.spec().file().getFileName()), e);
        }
        return new Found(threshold, graph, identical.pairs(pairs.first(), pairs.second()), DuplicateGroups.of(pairs, identical));
    }

    /**
     * The graph index over the distinct vectors: the search's own (kept in the cache, or already
     * built) when every row's vector is distinct, one of their own otherwise.
     */
    private static GraphIndex index(Workspace workspace, EmbeddedCorpus corpus, VectorMatrix distinct, ProgressListener listener) {
        if (distinct != corpus.vectors()) {
            return GraphIndex.build(distinct, Metric.COSINE, corpus.search().seed(), listener);
        }
        if (corpus.search().graphIndex(Metric.COSINE).isEmpty()) {
            Search.index(workspace, corpus, Metric.COSINE, listener);
        }
        return corpus.search().graphIndex(Metric.COSINE).orElseThrow();
    }

    /** A threshold a face can refuse before anything is computed: near-duplicates are at a cosine above 0, at most 1. */
    public static void check(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new BadInputException("the threshold is a cosine similarity above 0 and at most 1, was " + threshold);
        }
    }

    /**
     * Writes the groups' rows, group by group, representative first (CSV, JSONL, or Parquet with the
     * vectors, by extension): the corpus's columns, then {@code score} (cosine with the
     * representative), {@code group} (numbered from 1 as listed) and {@code representative} (1 for it, else 0).
     */
    public static void export(Path target, EmbeddedCorpus corpus, Found found) {
        int[] group = found.grouping().groupOf(corpus.size());
        float[] score = new float[corpus.size()];
        int[] representative = new int[corpus.size()];
        List<Integer> rows = new ArrayList<>();
        for (DuplicateGroup each : found.groups()) {
            for (int m = 0; m < each.size(); m++) {
                rows.add(each.member(m));
                score[each.member(m)] = each.score(m);
            }
            representative[each.representative()] = 1;
        }
        Map<String, int[]> ints = new LinkedHashMap<>();
        ints.put("group", group);
        ints.put("representative", representative);
        RowExport.write(target, corpus, rows, new RowExport.Added(Map.of("score", score), ints));
    }
}
