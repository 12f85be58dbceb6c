package org.embex.neighbours;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;
import org.embex.vectors.Neighbour;

/**
 * Approximate nearest neighbours of a query by greedy beam search over a k-nearest-neighbour graph,
 * the search of HNSW's bottom layer (Malkov and Yashunin 2018) and of pynndescent: keep the
 * {@code ef} best rows seen, and always expand the closest row not yet expanded, until none of those
 * is closer than the worst kept. The graph is the NN-descent graph that UMAP builds anyway, made
 * undirected (a row also links to every row that lists it), so a search can reach a row that only
 * hubs list and walk out of a neighbourhood that no one points to.
 *
 * <p>Where the walk starts decides what it finds: a k-nearest-neighbour graph of clustered data
 * hardly links one cluster to another, and a group of near-duplicates links mostly to itself. As
 * in pynndescent, the search starts from the leaves its query falls in, one in each of
 * {@link #TREES} random projection trees, plus a few seeded rows. Measured on 99,000 MiniLM vectors
 * of short texts in groups of near-duplicates (1,000 held-out queries, recall@10 at ef 64): √n
 * random entries alone 0.31; one tree 0.77, two 0.87, four 0.973, six 0.993, eight 0.999, at about
 * half a millisecond a query.
 *
 * <p>For corpora too big for exact search ({@link NeighbourSearch}, decision record 0008). Exact
 * search ({@link VectorMatrix#topK}) stays the answer below that size.
 */
public final class GraphIndex {

    /** Neighbours per row in the built graph (UMAP's 15 minus the point itself). */
    public static final int DEGREE = 14;
    /** Rows kept during a search unless asked for more; larger is slower and finds more. */
    public static final int DEFAULT_EF = 64;
    /** Random projection trees whose leaves seed a search (see the class comment for what fewer gave). */
    public static final int TREES = 8;
    /** Seeded rows every search also starts from, in case a query's leaves all lie apart from its neighbours. */
    private static final int ENTRY_POINTS = 32;

    private final VectorMatrix data;
    private final Metric metric;
    private final int[] starts;
    private final int[] links;
    private final int[] entries;
    private final List<RandomProjectionTree> trees;

    private GraphIndex(VectorMatrix data, Metric metric, int[] starts, int[] links, int[] entries,
                       List<RandomProjectionTree> trees) {
        this.data = data;
        this.metric = metric;
        this.starts = starts;
        this.links = links;
        this.entries = entries;
        this.trees = trees;
    }

    /** Builds the neighbour graph of {@code data} by NN-descent and indexes it. */
    public static GraphIndex build(VectorMatrix data, Metric metric, long seed, ProgressListener listener) {
        return of(data, graph(data, metric, seed, listener), seed);
    }

    /** The graph an index walks: each row's {@link #DEGREE} nearest others, by NN-descent. */
    public static KnnGraph graph(VectorMatrix data, Metric metric, long seed, ProgressListener listener) {
        return NnDescent.build(data, Math.min(DEGREE, data.rows() - 1), metric, seed, listener);
    }

    /** Indexes a neighbour graph already built over {@code data}, such as UMAP's. */
    public static GraphIndex of(VectorMatrix data, KnnGraph graph, long seed) {
        return of(data, graph.metric(), graph.neighbours(), seed);
    }

    /**
     * Indexes the neighbour lists of a graph built over {@code data} by {@code metric} before (read
     * back from the cache): row i's neighbours are {@code neighbours[i]}, k of them for every row.
     *
     * @throws IllegalArgumentException when the lists do not fit {@code data}
     */
    public static GraphIndex of(VectorMatrix data, Metric metric, int[][] neighbours, long seed) {
        return of(data, metric, neighbours, seed, TREES);
    }

    /** {@link #of(VectorMatrix, Metric, int[][], long)} with {@code treeCount} trees seeding each search. */
    public static GraphIndex of(VectorMatrix data, Metric metric, int[][] neighbours, long seed, int treeCount) {
        if (treeCount < 0) {
            throw new IllegalArgumentException("trees must be 0 or more, was " + treeCount);
        }
        int n = neighbours.length;
        int k = n == 0 ? 0 : neighbours[0].length;
        if (n != data.rows()) {
            throw new IllegalArgumentException("a graph of " + n + " rows for " + data.rows() + " vectors");
        }
        for (int[] row : neighbours) {
            for (int other : row) {
                if (row.length != k || other < 0 || other >= n) {
                    throw new IllegalArgumentException("a graph row that is not " + k + " rows of " + n);
                }
            }
        }
        int[] reverseCounts = new int[n];
        for (int[] row : neighbours) {
            for (int other : row) {
                reverseCounts[other]++;
            }
        }
        int[] reverseStarts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            reverseStarts[i + 1] = reverseStarts[i] + reverseCounts[i];
        }
        int[] reverse = new int[reverseStarts[n]];
        int[] fill = Arrays.copyOf(reverseStarts, n);
        for (int i = 0; i < n; i++) {
            for (int slot = 0; slot < k; slot++) {
                int other = neighbours[i][slot];
                reverse[fill[other]++] = i;
            }
        }
        // Each row: its own neighbours, then every row that lists it, so that a row only hubs list
        // can still be reached.
        int[] starts = new int[n + 1];
        int[] links = new int[k * n + reverse.length];
        int size = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = size;
            int[] own = neighbours[i];
            for (int other : own) {
                links[size++] = other;
            }
            for (int r = reverseStarts[i]; r < reverseStarts[i + 1]; r++) {
                if (!contains(own, reverse[r])) {
                    links[size++] = reverse[r];
                }
            }
        }
        starts[n] = size;
        int[] entries = new SplittableRandom(seed).ints(0, n).distinct().limit(Math.min(n, ENTRY_POINTS)).toArray();
        List<RandomProjectionTree> trees = new ArrayList<>();
        for (int t = 0; t < treeCount; t++) {
            trees.add(RandomProjectionTree.build(data, metric, seed + 1 + t));
        }
        return new GraphIndex(data, metric, starts, Arrays.copyOf(links, size), entries, trees);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    public Metric metric() {
        return metric;
    }

    /** The memory the index holds beyond the vectors it searches: its links, entry points and trees. */
    public long bytes() {
        return 4L * (starts.length + links.length + entries.length) + trees.stream().mapToLong(RandomProjectionTree::bytes).sum();
    }

    /** The {@code k} rows closest to {@code query} that the search finds, best first, with {@link #DEFAULT_EF}. */
    public List<Neighbour> search(float[] query, int k) {
        return search(query, k, Math.max(k, DEFAULT_EF));
    }

    /** The {@code k} rows closest to {@code query} that a search keeping {@code ef} rows finds, best first. */
    public List<Neighbour> search(float[] query, int k, int ef) {
        if (k < 1 || ef < k) {
            throw new IllegalArgumentException("need 1 <= k <= ef, got k = " + k + ", ef = " + ef);
        }
        if (query.length != data.dims()) {
            throw new IllegalArgumentException("query has " + query.length + " values, expected " + data.dims());
        }
        double queryNorm = Math.sqrt(Metric.dot(query, query));
        BitSet visited = new BitSet(data.rows());
        // Candidates best first; the kept rows worst first, so the worst can be dropped.
        PriorityQueue<Neighbour> candidates = new PriorityQueue<>((a, b) -> Double.compare(b.score(), a.score()));
        PriorityQueue<Neighbour> kept = new PriorityQueue<>((a, b) -> Double.compare(a.score(), b.score()));
        for (int entry : entries) {
            visited.set(entry);
            Neighbour found = new Neighbour(entry, data.score(entry, query, queryNorm, metric));
            candidates.add(found);
            keep(kept, found, ef);
        }
        for (RandomProjectionTree tree : trees) {
            for (int entry : tree.leafOf(query)) {
                if (!visited.get(entry)) {
                    visited.set(entry);
                    Neighbour found = new Neighbour(entry, data.score(entry, query, queryNorm, metric));
                    candidates.add(found);
                    keep(kept, found, ef);
                }
            }
        }
        while (!candidates.isEmpty()) {
            Neighbour closest = candidates.poll();
            if (kept.size() >= ef && closest.score() < kept.peek().score()) {
                break;
            }
            for (int link = starts[closest.index()]; link < starts[closest.index() + 1]; link++) {
                int row = links[link];
                if (visited.get(row)) {
                    continue;
                }
                visited.set(row);
                double score = data.score(row, query, queryNorm, metric);
                if (kept.size() < ef || score > kept.peek().score()) {
                    Neighbour found = new Neighbour(row, score);
                    candidates.add(found);
                    keep(kept, found, ef);
                }
            }
        }
        List<Neighbour> best = new ArrayList<>(kept);
        best.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.index(), b.index()));
        return List.copyOf(best.subList(0, Math.min(k, best.size())));
    }

    private static void keep(PriorityQueue<Neighbour> kept, Neighbour found, int ef) {
        kept.add(found);
        if (kept.size() > ef) {
            kept.poll();
        }
    }
}
