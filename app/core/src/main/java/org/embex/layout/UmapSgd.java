package org.embex.layout;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * UMAP's layout optimisation, umap-learn's {@code optimize_layout_euclidean}: every epoch, each
 * edge that is due (as often as its weight says, {@code make_epochs_per_sample}) pulls its head
 * towards its tail and pushes the head away from {@code negativeRate} random points (each push
 * scaled by the repulsion γ, umap-learn's {@code repulsion_strength}), with clipped gradients and a
 * learning rate falling linearly to zero.
 *
 * <p>Parallel, and still one map per seed (decision record 0007): the points are cut into a fixed
 * number of ranges, whatever the core count, each with its own random stream split from the seed.
 * An epoch runs in {@link #STEPS} steps; within a step a range moves only its own points directly
 * and sees the others where they were when the step began; the pull an edge gives its tail, which
 * may lie in another range, is written down in the range's own list and added when the step ends,
 * the ranges in order. So the ranges can run in any order, on any number of threads, and give the
 * same result. The lists hold only the pulls made: a dense buffer of every point per range was
 * read and cleared whole at each step, 64 MB a step at a million points, more than the processor's
 * cache (decision record 0021).
 */
final class UmapSgd {

    private static final double INITIAL_ALPHA = 1.0;
    private static final double CLIP = 4.0;
    /** Enough ranges to keep several cores busy; each has its own random stream, pulls and batch. */
    private static final int RANGES = 8;
    /**
     * Steps per epoch: each range takes the next 1/STEPS of its points, then every range sees
     * where the others moved. With one step a range read the others where the epoch began, and a
     * pull and its counter-pull overshot each other (measured on WordNet's 116,697 glosses:
     * trustworthiness 0.848 against 0.884 for the sequential order; decision record 0021).
     */
    static final int STEPS = 8;
    /**
     * Due edges whose other ends' places are read together before any of them is worked out:
     * enough reads under way at once to hide the memory's latency (decision record 0021).
     */
    private static final int BATCH = 16;

    private final float[] y;
    /** Where the points were when the step began, as the edges read them; the current places when sequential. */
    private final Places previous;
    private final StepStart stepStart;
    private final TailPulls[] tailPulls;
    private final int points;
    private final int[] heads;
    private final int[] tails;
    private final float[] epochsPerSample;
    private final float[] nextSample;
    private final float[] nextNegative;
    private final int[] rangeStarts;
    private final SplittableRandom[] randoms;
    private final DueEdges[] dueEdges;
    /** Edges taken together in a step: {@link #BATCH}, or one at a time in the sequential order. */
    private final int batch;
    private final double a;
    private final double b;
    private final PowerTable power;
    private final int negativeRate;
    /** The push's constant: 2γb, γ the repulsion. */
    private final double push;

    private final int ranges;
    private final boolean sequential;

    private UmapSgd(float[] y, FuzzyGraph graph, UmapParams params, int epochs, boolean sequential) {
        UmapCurve curve = UmapCurve.fit(params.minDist(), params.spread());
        int negativeRate = params.negativeRate();
        this.y = y;
        this.sequential = sequential;
        this.ranges = sequential ? 1 : RANGES;
        // One at a time, each update reads and moves the current positions, as umap-learn does:
        // each edge reads the others' places as the edge before left them (only a random point
        // that is the edge's own tail is read before the tail's pull).
        this.stepStart = sequential ? null : new StepStart(y.length / 2);
        this.previous = sequential ? new FloatPlaces(y) : stepStart;
        this.batch = sequential ? 1 : BATCH;
        this.points = y.length / 2;
        this.a = curve.a();
        this.b = curve.b();
        this.power = new PowerTable(curve.b());
        this.negativeRate = negativeRate;
        this.push = curve.push(params.repulsion());
        float[] weights = graph.weights();
        float maxWeight = 0;
        for (float w : weights) {
            maxWeight = Math.max(maxWeight, w);
        }
        // Edges too weak to be sampled once in all epochs are dropped, as umap-learn does.
        int kept = 0;
        for (float w : weights) {
            kept += epochs * (w / maxWeight) >= 1 ? 1 : 0;
        }
        heads = new int[kept];
        tails = new int[kept];
        epochsPerSample = new float[kept];
        int edge = 0;
        for (int e = 0; e < weights.length; e++) {
            double samples = epochs * (weights[e] / maxWeight);
            if (samples >= 1) {
                heads[edge] = graph.heads()[e];
                tails[edge] = graph.tails()[e];
                epochsPerSample[edge] = (float) (epochs / samples);
                edge++;
            }
        }
        nextSample = epochsPerSample.clone();
        nextNegative = new float[kept];
        for (int e = 0; e < kept; e++) {
            nextNegative[e] = epochsPerSample[e] / negativeRate;
        }
        // The graph lists edges by head, so each range of points owns one run of edges.
        // Slice r·STEPS + s is range r's part in step s: a run of points, so one run of edges.
        int slices = ranges * steps();
        rangeStarts = new int[slices + 1];
        for (int r = 0, e = 0; r <= slices; r++) {
            int firstPoint = (int) ((long) points * r / slices);
            while (e < kept && heads[e] < firstPoint) {
                e++;
            }
            rangeStarts[r] = r == slices ? kept : e;
        }
        tailPulls = new TailPulls[ranges];
        for (int r = 0; r < ranges; r++) {
            int largest = 0;
            for (int step = 0; step < steps(); step++) {
                int slice = r * steps() + step;
                largest = Math.max(largest, rangeStarts[slice + 1] - rangeStarts[slice]);
            }
            // Each edge is due at most once an epoch, so a step pulls at most its slice's edges.
            tailPulls[r] = new TailPulls(sequential ? 0 : largest);
        }
        SplittableRandom root = new SplittableRandom(params.seed());
        randoms = new SplittableRandom[ranges];
        dueEdges = new DueEdges[ranges];
        for (int r = 0; r < ranges; r++) {
            randoms[r] = root.split();
            dueEdges[r] = new DueEdges(previous, points);
        }
    }

    /**
     * Moves the coordinates {@code y} (x and y of each point in turn) through {@code epochs} epochs;
     * {@code sequential} runs every update one after the other on current positions, on one core
     * (umap-learn's order: the reference the parallel update is measured against).
     */
    static void optimise(float[] y, FuzzyGraph graph, UmapParams params, int epochs, boolean sequential, LayoutWatch watch,
                         java.util.function.Supplier<Layout> snapshot) {
        UmapSgd sgd = new UmapSgd(y, graph, params, epochs, sequential);
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = INITIAL_ALPHA * (1 - (double) epoch / epochs);
            int current = epoch;
            if (sequential) {
                sgd.step(0, 0, current, alpha);
            } else {
                for (int step = 0; step < STEPS; step++) {
                    int part = step;
                    sgd.stepStart.take(y);
                    IntStream.range(0, RANGES).parallel().forEach(range -> sgd.step(range, part, current, alpha));
                    sgd.addTailPulls();
                }
            }
            watch.step(epoch + 1, epochs, snapshot);
        }
    }

    /** Adds each range's pulls on tails to the coordinates, the ranges in order. */
    private void addTailPulls() {
        for (TailPulls pulls : tailPulls) {
            pulls.addTo(y);
        }
    }

    private int steps() {
        return sequential ? 1 : STEPS;
    }

    /**
     * Range {@code range}'s edges due in this epoch among its points of step {@code step}, taken
     * {@link #BATCH} at a time: first the places of their tails and random points are read from
     * where the step began (most of them miss the processor's cache at a million points, and read
     * together they are fetched together), then the edges are worked out in turn.
     */
    private void step(int range, int step, int epoch, double alpha) {
        SplittableRandom random = randoms[range];
        TailPulls pulls = tailPulls[range];
        DueEdges due = dueEdges[range];
        int slice = range * steps() + step;
        int e = rangeStarts[slice];
        int end = rangeStarts[slice + 1];
        while (e < end) {
            due.clear();
            for (; e < end && due.size() < batch; e++) {
                if (nextSample[e] > epoch) {
                    continue;
                }
                nextSample[e] += epochsPerSample[e];
                float epochsPerNegative = epochsPerSample[e] / negativeRate;
                int negatives = (int) ((epoch - nextNegative[e]) / epochsPerNegative);
                nextNegative[e] += negatives * epochsPerNegative;
                due.add(heads[e], tails[e], negatives, random);
            }
            for (int i = 0; i < due.size(); i++) {
                attract(due.heads[i], due.tails[i], due.tailX[i], due.tailY[i], alpha, pulls);
                repel(due.heads[i], due, due.firstNegative[i], due.firstNegative[i + 1], alpha);
            }
        }
    }

    /** Pulls head j towards tail k, whose place when the step began was (kx, ky). */
    private void attract(int j, int k, float kx, float ky, double alpha, TailPulls pulls) {
        double dx = y[2 * j] - kx;
        double dy = y[2 * j + 1] - ky;
        double d2 = dx * dx + dy * dy;
        if (d2 <= 0) {
            return;
        }
        // One power serves both terms: d^(2(b−1)) = d^(2b) / d².
        double p = power.pow(d2);
        double coefficient = -2 * a * b * (p / d2) / (1 + a * p);
        float gx = (float) (clip(coefficient * dx) * alpha);
        float gy = (float) (clip(coefficient * dy) * alpha);
        y[2 * j] += gx;
        y[2 * j + 1] += gy;
        if (sequential) {
            y[2 * k] -= gx;
            y[2 * k + 1] -= gy;
        } else {
            pulls.add(k, -gx, -gy);
        }
    }

    /**
     * Pushes point j away from the random points {@code from .. to} of {@code due}. The pushes are
     * summed from j's place before them rather than applied one after the other: independent, they
     * overlap in the processor instead of waiting for each other, and they are small beside the
     * distances.
     */
    private void repel(int j, DueEdges due, int from, int to, double alpha) {
        if (from == to) {
            return;
        }
        double x = y[2 * j];
        double yy = y[2 * j + 1];
        double sumX = 0;
        double sumY = 0;
        for (int p = from; p < to; p++) {
            double dx = x - due.negativeX[p];
            double dy = yy - due.negativeY[p];
            double d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                double coefficient = push / ((0.001 + d2) * (1 + a * power.pow(d2)));
                sumX += clip(coefficient * dx);
                sumY += clip(coefficient * dy);
            } else {
                sumX += CLIP;
                sumY += CLIP;
            }
        }
        y[2 * j] = (float) (x + sumX * alpha);
        y[2 * j + 1] = (float) (yy + sumY * alpha);
    }

    /**
     * Clipped to ±{@link #CLIP}. Comparisons rather than {@code Math.max} and {@code min}, whose
     * care for −0.0 cost a third of a push; the results are the same (NaN passes through both).
     */
    private static double clip(double value) {
        return value < -CLIP ? -CLIP : value > CLIP ? CLIP : value;
    }

    /**
     * One range's due edges taken together: each edge's head and tail, the tail's place, and the
     * places of the random points its head is pushed from (drawn in edge order from the range's
     * stream, the head itself left out), read from the places the step began with.
     */
    private static final class DueEdges {
        private final int[] heads = new int[BATCH];
        private final int[] tails = new int[BATCH];
        private final float[] tailX = new float[BATCH];
        private final float[] tailY = new float[BATCH];
        /** Edge i's random points are {@code firstNegative[i] .. firstNegative[i + 1]}. */
        private final int[] firstNegative = new int[BATCH + 1];
        private float[] negativeX = new float[8 * BATCH];
        private float[] negativeY = new float[8 * BATCH];
        /** The places read: those the step began with. */
        private final Places places;
        private final int points;
        private int size;

        DueEdges(Places places, int points) {
            this.places = places;
            this.points = points;
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        void add(int head, int tail, int negatives, SplittableRandom random) {
            heads[size] = head;
            tails[size] = tail;
            tailX[size] = places.x(tail);
            tailY[size] = places.y(tail);
            int at = firstNegative[size];
            if (negativeX.length < at + negatives) {
                negativeX = java.util.Arrays.copyOf(negativeX, 2 * (at + negatives));
                negativeY = java.util.Arrays.copyOf(negativeY, 2 * (at + negatives));
            }
            for (int p = 0; p < negatives; p++) {
                // Multiply-shift maps 32 random bits onto [0, n) (Lemire 2019); the bias is below n / 2³².
                int k = (int) (((random.nextInt() & 0xffffffffL) * points) >>> 32);
                if (k != head) {
                    negativeX[at] = places.x(k);
                    negativeY[at] = places.y(k);
                    at++;
                }
            }
            firstNegative[++size] = at;
        }
    }

    /** The pulls one range made on tails during a step, in the order made. */
    private static final class TailPulls {
        private final int[] points;
        private final float[] moves;
        private int size;

        TailPulls(int capacity) {
            points = new int[capacity];
            moves = new float[2 * capacity];
        }

        void add(int point, float dx, float dy) {
            points[size] = point;
            moves[2 * size] = dx;
            moves[2 * size + 1] = dy;
            size++;
        }

        void addTo(float[] y) {
            for (int i = 0; i < size; i++) {
                int point = points[i];
                y[2 * point] += moves[2 * i];
                y[2 * point + 1] += moves[2 * i + 1];
            }
            size = 0;
        }
    }

    /** Points' places as the edges read them. */
    private interface Places {
        float x(int point);

        float y(int point);
    }

    /** The current places, read straight from the coordinates (x and y of each point in turn). */
    private record FloatPlaces(float[] places) implements Places {
        @Override
        public float x(int point) {
            return places[2 * point];
        }

        @Override
        public float y(int point) {
            return places[2 * point + 1];
        }
    }

    /**
     * Where the points were when the step began, in 16-bit fixed point: a million points take 4 MB
     * where floats took 8 MB, and the core's second-level cache is 4 MB. Each due edge reads its
     * tail and five random points from here, from all over the map, and those reads were the
     * layout's floor at a million points (decision record 0021); at a million points an epoch took
     * 1.03 s against 1.09 s with floats. One scale for both axes, from the largest coordinate: a
     * step of 1/32,767 of the map's half-width (0.001 on a map of ±30), far below the distances the
     * forces act on (min_dist 0.1).
     */
    private static final class StepStart implements Places {
        private static final int LEVELS = Short.MAX_VALUE;
        private final short[] places;
        private float scale;

        StepStart(int points) {
            places = new short[2 * points];
        }

        void take(float[] y) {
            int parts = RANGES;
            double largest = IntStream.range(0, parts).parallel()
                    .mapToDouble(part -> largest(y, (int) ((long) y.length * part / parts), (int) ((long) y.length * (part + 1) / parts)))
                    .max().orElse(0);
            scale = largest > 0 ? (float) (largest / LEVELS) : 1f;
            float inverse = 1 / scale;
            IntStream.range(0, parts).parallel().forEach(part -> {
                int to = (int) ((long) y.length * (part + 1) / parts);
                for (int i = (int) ((long) y.length * part / parts); i < to; i++) {
                    places[i] = (short) Math.round(y[i] * inverse);
                }
            });
        }

        private static double largest(float[] y, int from, int to) {
            float largest = 0;
            for (int i = from; i < to; i++) {
                float magnitude = Math.abs(y[i]);
                largest = magnitude > largest ? magnitude : largest;
            }
            return largest;
        }

        @Override
        public float x(int point) {
            return places[2 * point] * scale;
        }

        @Override
        public float y(int point) {
            return places[2 * point + 1] * scale;
        }
    }
}
