package org.embex.neighbours;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.embex.vectors.VectorMatrix;

/**
 * Pairs of rows with their cosine similarity, each pair once ({@code first < second}), ordered by
 * first row, then second. Kept as three parallel arrays: a near-duplicate-heavy corpus of 100,000
 * rows can have millions of pairs.
 */
public record SimilarPairs(int[] first, int[] second, float[] scores) {

    public SimilarPairs {
        if (first.length != second.length || first.length != scores.length) {
            throw new IllegalArgumentException("pairs of unequal length");
        }
    }

    public int size() {
        return first.length;
    }

    /** Whether rows {@code a} and {@code b} are a pair (in either order). */
    public boolean contains(int a, int b) {
        long wanted = key(Math.min(a, b), Math.max(a, b));
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = key(first[middle], second[middle]);
            if (at == wanted) {
                return true;
            }
            if (at < wanted) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return false;
    }

    static long key(int first, int second) {
        return ((long) first << 32) | (second & 0xffffffffL);
    }

    /**
     * Collects pairs in any order and from either side; {@link #build} orders them, drops repeats and
     * scores each once more from the rows, so that a pair has the same score however it was found.
     */
    static final class Builder {
        private long[] keys = new long[64];
        private int size;

        int size() {
            return size;
        }

        void add(int a, int b) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, (int) Math.min(Integer.MAX_VALUE - 8, 2L * size));
            }
            keys[size++] = key(Math.min(a, b), Math.max(a, b));
        }

        void addAll(Builder other) {
            if (size + other.size > keys.length) {
                keys = Arrays.copyOf(keys, Math.max(size + other.size, keys.length * 2));
            }
            System.arraycopy(other.keys, 0, keys, size, other.size);
            size += other.size;
        }

        /** The pairs, each once, whose cosine over {@code data} is at least {@code threshold}. */
        SimilarPairs build(VectorMatrix data, double threshold) {
            long[] sorted = Arrays.copyOf(keys, size);
            Arrays.parallelSort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            float[] scores = new float[distinct];
            IntStream.range(0, distinct).parallel().forEach(i -> scores[i] = data.cosine((int) (sorted[i] >>> 32), (int) sorted[i]));
            int[] first = new int[distinct];
            int[] second = new int[distinct];
            float[] kept = new float[distinct];
            int count = 0;
            for (int i = 0; i < distinct; i++) {
                if (scores[i] >= threshold) {
                    first[count] = (int) (sorted[i] >>> 32);
                    second[count] = (int) sorted[i];
                    kept[count++] = scores[i];
                }
            }
            return new SimilarPairs(Arrays.copyOf(first, count), Arrays.copyOf(second, count), Arrays.copyOf(kept, count));
        }
    }
}
