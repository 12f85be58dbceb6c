package org.embex.usecase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.BadInputException;
import org.embex.duplicates.DuplicateGroup;
import org.embex.duplicates.DuplicateGroups;
import org.embex.neighbours.GraphIndex;
import org.embex.neighbours.PairsAbove;
import org.embex.neighbours.SimilarPairs;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

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
     * Rows up to which every pair is scored. Measured on MiniLM vectors (2 cores): all pairs of
     * 20,000 rows take about as long as the graph and a search per row; above that the graph wins,
     * and by 100,000 rows by a factor of five (decision record 0018).
     */
    public static final int EXACT_UP_TO = 20_000;

    private NearDuplicates() {
    }

    /**
     * @param threshold the cosine a pair reaches
     * @param graph     whether the pairs came through the graph index (true) or from scoring every pair
     * @param pairs     pairs at or above the threshold
     */
    public record Found(double threshold, boolean graph, int pairs, DuplicateGroups.Grouping grouping) {

        public List<DuplicateGroup> groups() {
            return grouping.groups();
        }
    }

    /** The near-duplicates of {@code corpus} at {@code threshold}, by every pair up to {@code exactUpTo} rows. */
    public static Found find(Workspace workspace, EmbeddedCorpus corpus, double threshold, int exactUpTo,
                             ProgressListener listener) {
        check(threshold);
        SimilarPairs pairs;
        boolean graph = corpus.size() > exactUpTo;
        if (graph) {
            Search.index(workspace, corpus, Metric.COSINE, listener);
            GraphIndex index = corpus.search().graphIndex(Metric.COSINE).orElseThrow();
            pairs = PairsAbove.viaGraph(corpus.vectors(), index, threshold, listener);
        } else {
            pairs = PairsAbove.exact(corpus.vectors(), threshold, listener);
        }
        return new Found(threshold, graph, pairs.size(), DuplicateGroups.of(pairs, corpus.size()));
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
