package org.embex.vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * Many vectors of one width in one row-major {@code float[]} with their norms, for exact
 * nearest-neighbour search: a dot product per row ({@link DotKernel}), cosine and L2 derived from
 * it and the norms. Many queries go through the rows in blocks that stay in cache while a group
 * of queries passes over them, the groups spread over the cores. L2 finalists are scored again
 * exactly, since {@code |x|² − 2x·q + |q|²} loses digits for near neighbours.
 */
public final class VectorMatrix {

    private static final DotKernel KERNEL = DotKernel.best();
    /** Rows per block: 256 × 384 floats, about 400 KB, fits a core's L2 cache. */
    private static final int BLOCK = 256;
    /** Queries that share one pass over a block. */
    private static final int QUERY_GROUP = 16;
    /** Finalists beyond k that are scored again exactly (see searchGroup). */
    private static final int FINALISTS = 4;
    private static final int L2_EXTRA_FINALISTS = 32;
    private static final Comparator<Neighbour> WORST_FIRST = Comparator.comparingDouble(Neighbour::score)
            .thenComparing(Comparator.comparingInt(Neighbour::index).reversed());

    private final int rows;
    private final int dims;
    private final float[] values;
    private final float[] norms;

    private VectorMatrix(int rows, int dims, float[] values, float[] norms) {
        this.rows = rows;
        this.dims = dims;
        this.values = values;
        this.norms = norms;
    }

    public static VectorMatrix of(List<float[]> vectors, int dims) {
        int rows = vectors.size();
        float[] values = new float[Math.multiplyExact(rows, dims)];
        float[] norms = new float[rows];
        for (int row = 0; row < rows; row++) {
            float[] vector = vectors.get(row);
            if (vector.length != dims) {
                throw new IllegalArgumentException("row " + row + " has " + vector.length + " values, expected " + dims);
            }
            System.arraycopy(vector, 0, values, row * dims, dims);
        }
        return wrap(values, dims);
    }

    /**
     * Wraps {@code values}, {@code rows × dims} floats row by row, without copying: a million
     * vectors of 384 dimensions take 1.5 GB, and a second copy would not fit where they must.
     */
    public static VectorMatrix wrap(float[] values, int dims) {
        // One way to compute the norms for every matrix: the same vectors read from a file or from
        // the cache must give the same cosines to the last bit, or the maps made from them drift apart.
        if (dims < 1 || values.length % dims != 0) {
            throw new IllegalArgumentException(values.length + " values do not make rows of " + dims);
        }
        int rows = values.length / dims;
        float[] norms = new float[rows];
        // Each row's norm is its own: spread over the cores, the result is the same.
        IntStream.range(0, rows).parallel().forEach(row ->
                norms[row] = (float) Math.sqrt(KERNEL.dot(values, row * dims, values, row * dims, dims)));
        return new VectorMatrix(rows, dims, values, norms);
    }

    public int rows() {
        return rows;
    }

    public int dims() {
        return dims;
    }

    public float[] row(int row) {
        float[] copy = new float[dims];
        System.arraycopy(values, row * dims, copy, 0, dims);
        return copy;
    }

    /** The dot product of row {@code row} with {@code vector}, which has {@link #dims()} values. */
    public float dot(int row, float[] vector) {
        return KERNEL.dot(values, row * dims, vector, 0, dims);
    }

    /** Adds {@code scale} times row {@code row} to {@code target}, which has {@link #dims()} values. */
    public void addScaledRow(int row, float scale, float[] target) {
        KERNEL.addScaled(values, row * dims, scale, target, dims);
    }

    /** Every row's score against {@code query}: larger is closer, as in {@link Metric#score}. */
    public double[] scores(float[] query, Metric metric) {
        double queryNorm = Math.sqrt(Metric.dot(query, query));
        double[] scores = new double[rows];
        for (int row = 0; row < rows; row++) {
            scores[row] = score(row, query, queryNorm, metric);
        }
        return scores;
    }

    /** Row {@code row}'s score against a query whose norm is {@code queryNorm}: larger is closer, as in {@link #scores}. */
    public double score(int row, float[] query, double queryNorm, Metric metric) {
        float dot = KERNEL.dot(values, row * dims, query, 0, dims);
        return switch (metric) {
            case DOT -> dot;
            case COSINE -> norms[row] == 0 || queryNorm == 0 ? 0 : dot / (norms[row] * queryNorm);
            case L2 -> -Math.sqrt(Math.max(0, (double) norms[row] * norms[row] - 2.0 * dot + queryNorm * queryNorm));
        };
    }

    /** The dot product of rows {@code a} and {@code b}. */
    public float dotRows(int a, int b) {
        return KERNEL.dot(values, a * dims, values, b * dims, dims);
    }

    /** The cosine of rows {@code a} and {@code b}; 0 when either is all zeros. */
    public float cosine(int a, int b) {
        return cosineFromDot(a, b, dotRows(a, b));
    }

    private float cosineFromDot(int a, int b, float dot) {
        return norms[a] == 0 || norms[b] == 0 ? 0 : dot / (norms[a] * norms[b]);
    }

    /** Row {@code row}'s Euclidean norm. */
    public float norm(int row) {
        return norms[row];
    }

    /** The row-major values themselves, for the neighbour kernels ({@code org.embex.neighbours}) that must not copy them. */
    public float[] values() {
        return values;
    }

    /** The distance between two rows: 1 − cosine, −dot, or Euclidean; smaller is closer. */
    public float distance(int a, int b, Metric metric) {
        return switch (metric) {
            case COSINE -> 1f - cosine(a, b);
            case DOT -> -KERNEL.dot(values, a * dims, values, b * dims, dims);
            case L2 -> (float) Metric.l2(row(a), row(b));
        };
    }

    /**
     * The distances from row {@code a} to rows {@code others[0 .. count)}, as {@link #distance}
     * gives them, into {@code out} from {@code outFrom}: four rows at a time in one pass over
     * row {@code a} (the sums in another order, so a distance may differ in its last bits).
     */
    public void distances(int a, int[] others, int count, Metric metric, float[] out, int outFrom) {
        int i = 0;
        if (metric != Metric.L2) {
            int from = a * dims;
            for (; i + 4 <= count; i += 4) {
                KERNEL.dots1x4(values, from, others[i] * dims, others[i + 1] * dims, others[i + 2] * dims,
                        others[i + 3] * dims, dims, out, outFrom + i);
                for (int j = i; j < i + 4; j++) {
                    float dot = out[outFrom + j];
                    out[outFrom + j] = metric == Metric.DOT ? -dot : 1f - cosineFromDot(a, others[j], dot);
                }
            }
        }
        for (; i < count; i++) {
            out[outFrom + i] = distance(a, others[i], metric);
        }
    }

    /** The {@code k} rows closest to {@code query} by {@code metric}, best first; ties keep the lower row first. */
    public List<Neighbour> topK(float[] query, int k, Metric metric) {
        return topK(List.of(query), k, metric).get(0);
    }

    /** {@link #topK(float[], int, Metric)} for many queries, spread over the cores. */
    public List<List<Neighbour>> topK(List<float[]> queries, int k, Metric metric) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        for (float[] query : queries) {
            if (query.length != dims) {
                throw new IllegalArgumentException("query has " + query.length + " values, expected " + dims);
            }
        }
        int groups = (queries.size() + QUERY_GROUP - 1) / QUERY_GROUP;
        IntStream indices = IntStream.range(0, groups);
        List<List<List<Neighbour>>> results = (groups > 1 ? indices.parallel() : indices)
                .mapToObj(group -> searchGroup(queries.subList(group * QUERY_GROUP,
                        Math.min(queries.size(), (group + 1) * QUERY_GROUP)), k, metric))
                .toList();
        List<List<Neighbour>> flat = new ArrayList<>(queries.size());
        results.forEach(flat::addAll);
        return flat;
    }

    private List<List<Neighbour>> searchGroup(List<float[]> queries, int k, Metric metric) {
        // A few more finalists than asked, scored again one query at a time below: the four-by-four kernel
        // sums in another order than the single dot product, and a query's answer must not depend on the
        // queries it was searched with (a gate's decision at its threshold, to the last bit).
        int keep = Math.min(rows, k + (metric == Metric.L2 ? L2_EXTRA_FINALISTS : FINALISTS));
        List<PriorityQueue<Neighbour>> heaps = new ArrayList<>();
        double[] queryNorms = new double[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            heaps.add(new PriorityQueue<>(keep + 1, WORST_FIRST));
            queryNorms[q] = Math.sqrt(Metric.dot(queries.get(q), queries.get(q)));
        }
        // The group's queries side by side in one array, so that four rows meet four queries at a time
        // (dots4x4): each value loaded serves four products, and the pass is bound by arithmetic, not loads.
        int count = queries.size();
        float[] packed = new float[count * dims];
        for (int q = 0; q < count; q++) {
            System.arraycopy(queries.get(q), 0, packed, q * dims, dims);
        }
        int fours = count - count % 4;
        float[] sixteen = new float[16];
        for (int start = 0; start < rows; start += BLOCK) {
            int end = Math.min(rows, start + BLOCK);
            int row = start;
            for (; row + 4 <= end && fours > 0; row += 4) {
                for (int q = 0; q < fours; q += 4) {
                    KERNEL.dots4x4(values, row, packed, q, dims, sixteen);
                    for (int i = 0; i < 4; i++) {
                        for (int c = 0; c < 4; c++) {
                            offer(heaps.get(q + c), keep, row + i, score(metric, sixteen[4 * i + c], row + i, queryNorms[q + c]));
                        }
                    }
                }
                for (int q = fours; q < count; q++) {
                    for (int i = 0; i < 4; i++) {
                        float dot = KERNEL.dot(values, (row + i) * dims, packed, q * dims, dims);
                        offer(heaps.get(q), keep, row + i, score(metric, dot, row + i, queryNorms[q]));
                    }
                }
            }
            for (; row < end; row++) {
                for (int q = 0; q < count; q++) {
                    float dot = KERNEL.dot(values, row * dims, packed, q * dims, dims);
                    offer(heaps.get(q), keep, row, score(metric, dot, row, queryNorms[q]));
                }
            }
        }
        List<List<Neighbour>> results = new ArrayList<>(queries.size());
        for (int q = 0; q < queries.size(); q++) {
            float[] query = queries.get(q);
            List<Neighbour> best = new ArrayList<>(heaps.get(q));
            double queryNorm = queryNorms[q];
            best.replaceAll(n -> new Neighbour(n.index(), metric == Metric.L2 ? -Metric.l2(row(n.index()), query)
                    : score(metric, KERNEL.dot(values, n.index() * dims, query, 0, dims), n.index(), queryNorm)));
            best.sort(WORST_FIRST.reversed());
            results.add(List.copyOf(best.subList(0, Math.min(k, best.size()))));
        }
        return results;
    }

    /** A row's score for a query from their dot product: larger is closer. */
    private double score(Metric metric, float dot, int row, double queryNorm) {
        return switch (metric) {
            case DOT -> dot;
            case COSINE -> norms[row] == 0 || queryNorm == 0 ? 0 : dot / (norms[row] * queryNorm);
            case L2 -> 2.0 * dot - (double) norms[row] * norms[row];
        };
    }

    /** Keeps {@code row} among a query's best {@code keep} when it beats the worst kept. */
    private static void offer(PriorityQueue<Neighbour> heap, int keep, int row, double score) {
        if (heap.size() < keep || score > heap.peek().score()) {
            heap.add(new Neighbour(row, score));
            if (heap.size() > keep) {
                heap.poll();
            }
        }
    }
}
