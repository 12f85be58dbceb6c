package org.embex.bench;

import java.util.List;

import org.embex.Seed;
import org.embex.neighbours.GraphIndex;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;

/**
 * The neighbour-graph index against exact search on real embeddings: the last 1,000 vectors are
 * the queries, the rest the indexed rows; recall@10 is the share of the exact top ten the graph
 * search finds, and both are timed one query at a time, as a user's search runs.
 */
final class GraphIndexBenchmark {

    private static final int QUERIES = 1000;
    private static final int K = 10;
    private static final long SEED = Seed.DEFAULT;

    private GraphIndexBenchmark() {
    }

    static void report(List<float[]> vectors) {
        List<float[]> rows = vectors.subList(0, vectors.size() - QUERIES);
        List<float[]> queries = vectors.subList(vectors.size() - QUERIES, vectors.size());
        VectorMatrix matrix = VectorMatrix.of(rows, rows.get(0).length);
        long started = System.nanoTime();
        GraphIndex index = GraphIndex.build(matrix, Metric.COSINE, SEED, ProgressListener.NONE);
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        // One untimed pass of each warms the JIT.
        for (float[] query : queries.subList(0, 100)) {
            matrix.topK(query, K, Metric.COSINE);
            index.search(query, K);
        }
        long exactNanos = 0;
        long graphNanos = 0;
        long found = 0;
        for (float[] query : queries) {
            long before = System.nanoTime();
            List<Neighbour> exact = matrix.topK(query, K, Metric.COSINE);
            long between = System.nanoTime();
            List<Neighbour> approximate = index.search(query, K);
            graphNanos += System.nanoTime() - between;
            exactNanos += between - before;
            List<Integer> truth = exact.stream().map(Neighbour::index).toList();
            found += approximate.stream().filter(n -> truth.contains(n.index())).count();
        }
        System.out.printf("graph index of %d rows (%d queries held out): built in %.1f s; recall@%d %.4f; "
                + "%.2f ms a query against %.2f ms for exact search%n", rows.size(), QUERIES, buildSeconds, K,
                found / (double) (K * queries.size()), graphNanos / 1e6 / queries.size(), exactNanos / 1e6 / queries.size());
        System.out.flush();
    }
}
