package org.embex.duplicates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.embex.vectors.VectorMatrix;

/**
 * Rows whose vectors are the same numbers, bit for bit: a text repeated on many rows ("Thanks!",
 * an empty template) is embedded once and its rows share the vector. They are near-duplicates of
 * each other without scoring, and pairing them one by one would cost n² for a text repeated n
 * times (20,000 copies: 200 million pairs). So pairs are sought among distinct vectors only, and
 * each stands for its copies.
 *
 * @param copies for each distinct vector, in order of first appearance, the rows that have it (ascending)
 */
public record IdenticalRows(int[][] copies) {

    /** Each row a vector of its own: what a grouping of pairs between rows is told. */
    public static IdenticalRows allDistinct(int rows) {
        int[][] copies = new int[rows][];
        for (int i = 0; i < rows; i++) {
            copies[i] = new int[] {i};
        }
        return new IdenticalRows(copies);
    }

    public static IdenticalRows of(VectorMatrix data) {
        Map<Row, List<Integer>> rowsOf = new HashMap<>();
        List<List<Integer>> inOrder = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            List<Integer> same = rowsOf.computeIfAbsent(new Row(data, i), row -> {
                List<Integer> fresh = new ArrayList<>();
                inOrder.add(fresh);
                return fresh;
            });
            same.add(i);
        }
        int[][] copies = new int[inOrder.size()][];
        for (int c = 0; c < copies.length; c++) {
            copies[c] = inOrder.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return new IdenticalRows(copies);
    }

    /** Distinct vectors. */
    public int size() {
        return copies.length;
    }

    public int rows() {
        return Arrays.stream(copies).mapToInt(same -> same.length).sum();
    }

    /** The distinct vectors as a matrix, in order; {@code data} itself when no two rows are the same. */
    public VectorMatrix distinct(VectorMatrix data) {
        if (copies.length == data.rows()) {
            return data;
        }
        List<float[]> rows = new ArrayList<>(copies.length);
        for (int[] same : copies) {
            rows.add(data.row(same[0]));
        }
        return VectorMatrix.of(rows, data.dims());
    }

    /** Pairs among the rows: every two copies of a vector, and every copy of one vector with every copy of its partner. */
    public long pairs(int[] first, int[] second) {
        long pairs = 0;
        for (int[] same : copies) {
            pairs += (long) same.length * (same.length - 1) / 2;
        }
        for (int p = 0; p < first.length; p++) {
            pairs += (long) copies[first[p]].length * copies[second[p]].length;
        }
        return pairs;
    }

    /** A row's values as a map key: equal when the floats are the same bits. */
    private record Row(VectorMatrix data, int row) {

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Row that)) {
                return false;
            }
            int dims = data.dims();
            return Arrays.equals(data.values(), row * dims, (row + 1) * dims, that.data.values(), that.row * dims,
                    (that.row + 1) * dims);
        }

        @Override
        public int hashCode() {
            int dims = data.dims();
            int hash = 1;
            float[] values = data.values();
            for (int j = row * dims; j < (row + 1) * dims; j++) {
                hash = 31 * hash + Float.floatToIntBits(values[j]);
            }
            return hash;
        }
    }
}
