package org.embex.neighbours;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

/**
 * Approximate k-nearest-neighbour graph by NN-descent (Dong, Moses and Li, "Efficient k-nearest
 * neighbor graph construction for generic similarity measures", WWW 2011): start from random
 * neighbours and repeatedly let each point's neighbours meet one another, since a neighbour of a
 * neighbour is likely a neighbour. Each round only joins pairs where one side is new since the
 * last round, with at most {@code maxCandidates} of each kind per point, and the descent stops when
 * fewer than {@code delta · n · k} neighbour lists changed.
 *
 * <p>Deterministic for a seed, and the same on any number of cores: candidates are sampled in
 * chunks of points, each with a random stream split in order from the seed's, reverse candidates
 * with draws that depend only on the list and its count of offers; the distances are computed in
 * parallel, and each list takes its offers in a fixed order (the lists are split into parts, one
 * thread each). Every step is spread over the cores: at 300,000 points on two cores, sampling
 * and starting on one thread had kept the descent at 52 s rather than 39 s.
 */
public final class NnDescent {

    /** Stop when a round improves fewer than this share of all n · k neighbour slots (the paper's δ). */
    private static final double DELTA = 0.001;
    private static final int MAX_ROUNDS = 30;
    /**
     * Candidates of each kind joined per point and round. Joins cost the square of this, so large
     * k (t-SNE asks for 3 × perplexity = 90) samples its lists instead of joining them whole.
     * Measured on 10,000 MiniLM vectors with k = 90: 30 gave recall 0.999 in 27 s of CPU, 15 gave
     * 0.995 in 17 s; the unsampled candidates stay fresh for later rounds.
     */
    private static final int MAX_CANDIDATES = 15;
    /** Points that draw from one random stream when candidates are sampled, a chunk per task. */
    private static final int CHUNK = 4096;
    /** Points whose joins' distances are computed together, spread over the cores. */
    private static final int BLOCK = 1024;

    private final VectorMatrix data;
    private final Metric metric;
    private final int n;
    private final int k;
    private final int maxCandidates;
    private final int[] ids;
    private final float[] dists;
    private final boolean[] fresh;
    /**
     * Each list's worst distance, its heap's root, kept apart: an offer it turns away then costs a
     * read of this array (4 MB at a million points, which the processor's cache holds) instead of a
     * trip to the lists (ids, distances and flags, 126 MB). The same graph; at a million points
     * 103.2 / 101.6 s against 105.2 / 110.3 s, runs alternating (decision record 0021).
     */
    private final float[] worst;
    private final SplittableRandom random;
    /** Parts of the lists updated in parallel, one thread each; the graph does not depend on it. */
    private final int parts;
    /**
     * Per point, this round's new and old candidates (the first {@code freshCount} and
     * {@code oldCount} of each): made once, not every round, since two million small arrays a
     * round at a million points kept the collector busy.
     */
    private final int[][] fresher;
    private final int[][] older;
    /** Per point of a block, room for the distances of all its joins. */
    private final float[][] pairDistances;
    /** Per point of a block, room for one new candidate's partners in its joins. */
    private final int[][] partners;

    private NnDescent(VectorMatrix data, int k, Metric metric, long seed, int parts) {
        this.data = data;
        this.metric = metric;
        this.n = data.rows();
        this.k = k;
        this.maxCandidates = MAX_CANDIDATES;
        this.ids = new int[n * k];
        this.dists = new float[n * k];
        this.fresh = new boolean[n * k];
        this.worst = new float[n];
        this.random = new SplittableRandom(seed);
        this.parts = parts;
        int candidates = 2 * maxCandidates;
        this.fresher = new int[n][candidates];
        this.older = new int[n][candidates];
        this.pairDistances = new float[BLOCK][candidates * (candidates - 1) / 2 + candidates * candidates];
        this.partners = new int[BLOCK][2 * candidates];
    }

    /** The graph of every row's {@code k} nearest other rows. */
    public static KnnGraph build(VectorMatrix data, int k, Metric metric, long seed, ProgressListener listener) {
        return build(data, k, metric, seed, Runtime.getRuntime().availableProcessors(), listener);
    }

    /** {@link #build} with the lists updated in {@code parts} parts, one thread each: the graph is the same for any. */
    static KnnGraph build(VectorMatrix data, int k, Metric metric, long seed, int parts, ProgressListener listener) {
        if (k < 1 || k >= data.rows()) {
            throw new IllegalArgumentException("k must be between 1 and " + (data.rows() - 1) + ", was " + k);
        }
        NnDescent descent = new NnDescent(data, k, metric, seed, parts);
        descent.initialise();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long updates = descent.round();
            listener.progress(round + 1, MAX_ROUNDS);
            if (updates < DELTA * descent.n * k) {
                break;
            }
        }
        listener.progress(MAX_ROUNDS, MAX_ROUNDS);
        return descent.graph();
    }

    private float distance(int a, int b) {
        return data.distance(a, b, metric);
    }

    private void initialise() {
        java.util.Arrays.fill(dists, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(worst, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(ids, -1);
        inChunks((from, to, random) -> {
            for (int point = from; point < to; point++) {
                int placed = 0;
                while (placed < k) {
                    int other = random.nextInt(n);
                    if (other != point && push(point, other, distance(point, other))) {
                        placed++;
                    }
                }
            }
        });
    }

    /** Work on the points {@code from .. to} with a random stream of their own. */
    private interface ChunkWork {
        void run(int from, int to, SplittableRandom random);
    }

    /**
     * Runs {@code work} on every {@link #CHUNK} points in parallel, each chunk with its own stream
     * split in order from the descent's, so the draws do not depend on the number of cores. The
     * work may only change the lists of its own points.
     */
    private void inChunks(ChunkWork work) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        SplittableRandom[] randoms = new SplittableRandom[chunks];
        for (int chunk = 0; chunk < chunks; chunk++) {
            randoms[chunk] = random.split();
        }
        IntStream.range(0, chunks).parallel().forEach(chunk ->
                work.run(chunk * CHUNK, Math.min(n, chunk * CHUNK + CHUNK), randoms[chunk]));
    }

    /** One round of local joins; returns how many neighbour lists took a new member. */
    private long round() {
        int[] freshCount = new int[n];
        int[] oldCount = new int[n];
        // Forward candidates: up to maxCandidates fresh ones drawn at random (only those become
        // old in the heap, so the rest stay fresh for a later round) and up to as many old ones.
        inChunks((from, to, random) -> {
            int[] freshSlots = new int[k];
            for (int point = from; point < to; point++) {
                int fresh = 0;
                for (int slot = point * k; slot < point * k + k; slot++) {
                    if (this.fresh[slot]) {
                        freshSlots[fresh++] = slot;
                    } else if (oldCount[point] < maxCandidates) {
                        older[point][oldCount[point]++] = ids[slot];
                    }
                }
                for (int taken = 0; taken < Math.min(fresh, maxCandidates); taken++) {
                    int pick = taken + random.nextInt(fresh - taken);
                    int slot = freshSlots[pick];
                    freshSlots[pick] = freshSlots[taken];
                    freshSlots[taken] = slot;
                    this.fresh[slot] = false;
                    fresher[point][freshCount[point]++] = ids[slot];
                }
            }
        });
        // Reverse candidates: whoever lists me is a candidate of mine. Each part of the lists takes
        // the offers to its own points, in point order, and the reservoir's draws depend only on the
        // owner and its count of offers, so the candidates are the same on any number of cores.
        int[] forwardFresh = freshCount.clone();
        int[] forwardOld = oldCount.clone();
        long[] reverseSeen = new long[n];
        long[] reverseSeenOld = new long[n];
        long freshSeed = random.nextLong();
        long oldSeed = random.nextLong();
        IntStream.range(0, parts).parallel().forEach(part -> {
            for (int point = 0; point < n; point++) {
                offerReverse(point, part, fresher, freshCount, forwardFresh, reverseSeen, freshSeed);
                offerReverse(point, part, older, oldCount, forwardOld, reverseSeenOld, oldSeed);
            }
        });
        // The distances of a block of points' joins are computed in parallel; then each part of the
        // lists takes, on its own thread, the pairs that concern it in point order, so every list
        // sees its offers in the same order on any number of cores and the graph is the same.
        long updates = 0;
        for (int start = 0; start < n; start += BLOCK) {
            int first = start;
            int end = Math.min(n, start + BLOCK);
            IntStream.range(start, end).parallel().forEach(point -> pairDistances(point, fresher[point], freshCount[point],
                    older[point], oldCount[point], pairDistances[point % BLOCK]));
            updates += IntStream.range(0, parts).parallel().mapToLong(part -> {
                long changed = 0;
                for (int point = first; point < end; point++) {
                    changed += join(fresher[point], freshCount[point], older[point], oldCount[point],
                            pairDistances[point % BLOCK], part);
                }
                return changed;
            }).sum();
        }
        return updates;
    }

    /**
     * The distances of the pairs {@link #join} offers, in the same order: each new candidate's to
     * the later new ones and to the old ones, in one call so they are computed four at a time.
     */
    private void pairDistances(int point, int[] news, int freshCount, int[] olds, int oldCount, float[] out) {
        int[] partners = this.partners[point % BLOCK];
        int pair = 0;
        for (int i = 0; i < freshCount; i++) {
            int a = news[i];
            int count = freshCount - i - 1;
            System.arraycopy(news, i + 1, partners, 0, count);
            System.arraycopy(olds, 0, partners, count, oldCount);
            count += oldCount;
            // A partner that is a itself gets a distance too; join passes over such pairs.
            data.distances(a, partners, count, metric, out, pair);
            pair += count;
        }
    }

    /**
     * Lets a point's new candidates meet each other and its old ones, in part {@code part} of the
     * lists; returns the lists that changed there.
     */
    private int join(int[] news, int freshCount, int[] olds, int oldCount, float[] distances, int part) {
        int updates = 0;
        int pair = 0;
        for (int i = 0; i < freshCount; i++) {
            int a = news[i];
            for (int j = i + 1; j < freshCount; j++) {
                updates += join(a, news[j], distances[pair++], part);
            }
            for (int j = 0; j < oldCount; j++) {
                updates += join(a, olds[j], distances[pair++], part);
            }
        }
        return updates;
    }

    /** Offers a and b to each other's lists, those of them in part {@code part}; returns the lists that changed. */
    private int join(int a, int b, float d, int part) {
        if (a == b) {
            return 0;
        }
        int changed = 0;
        if (partOf(a) == part && push(a, b, d)) {
            changed++;
        }
        if (partOf(b) == part && push(b, a, d)) {
            changed++;
        }
        return changed;
    }

    /** Which part of the lists, each taken by one thread, holds point {@code point}'s. */
    private int partOf(int point) {
        return (int) ((long) point * parts / n);
    }

    /** Offers {@code point} to the lists of one kind that name it forward, those of them in part {@code part}. */
    private void offerReverse(int point, int part, int[][] lists, int[] counts, int[] forward, long[] seen, long seed) {
        for (int i = 0; i < forward[point]; i++) {
            int other = lists[point][i];
            if (partOf(other) == part) {
                sampleReverse(lists[other], counts, forward[other], other, point, seen, seed);
            }
        }
    }

    /** Reverse candidates fill the second half of a list, sampled the same way, without repeats. */
    private void sampleReverse(int[] list, int[] counts, int forward, int owner, int candidate, long[] seen, long seed) {
        for (int i = 0; i < counts[owner]; i++) {
            if (list[i] == candidate) {
                return;
            }
        }
        long offered = ++seen[owner];
        int reverse = counts[owner] - forward;
        if (reverse < maxCandidates) {
            list[counts[owner]++] = candidate;
            return;
        }
        long slot = draw(seed, owner, offered);
        if (slot < maxCandidates) {
            list[forward + (int) slot] = candidate;
        }
    }

    /**
     * A uniform draw from {@code [0, offered)} made from its arguments alone (SplitMix64's finaliser,
     * then Lemire's multiply-shift), so whichever thread takes an owner's offers draws the same.
     */
    private static long draw(long seed, int owner, long offered) {
        long h = seed + owner * 0x9E3779B97F4A7C15L + offered * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return ((h >>> 32) * offered) >>> 32;
    }

    /** Offers {@code other} to {@code point}'s max-heap of its k best; true when it got in. */
    private boolean push(int point, int other, float distance) {
        if (distance >= worst[point]) {
            return false;
        }
        int base = point * k;
        if (distance >= dists[base]) {
            return false;
        }
        for (int slot = base; slot < base + k; slot++) {
            if (ids[slot] == other) {
                return false;
            }
        }
        // Replace the root (the worst) and sift down.
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int larger = i;
            float largest = distance;
            if (left < k && dists[base + left] > largest) {
                larger = left;
                largest = dists[base + left];
            }
            if (right < k && dists[base + right] > largest) {
                larger = right;
            }
            if (larger == i) {
                break;
            }
            ids[base + i] = ids[base + larger];
            dists[base + i] = dists[base + larger];
            fresh[base + i] = fresh[base + larger];
            i = larger;
        }
        ids[base + i] = other;
        dists[base + i] = distance;
        fresh[base + i] = true;
        worst[point] = dists[base];
        return true;
    }

    private KnnGraph graph() {
        int[][] neighbours = new int[n][k];
        float[][] distances = new float[n][k];
        IntStream.range(0, n).parallel().forEach(point -> {
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            int base = point * k;
            java.util.Arrays.sort(order, (a, b) -> Float.compare(dists[base + a], dists[base + b]));
            for (int i = 0; i < k; i++) {
                neighbours[point][i] = ids[base + order[i]];
                distances[point][i] = dists[base + order[i]];
            }
        });
        return new KnnGraph(metric, neighbours, distances);
    }
}
