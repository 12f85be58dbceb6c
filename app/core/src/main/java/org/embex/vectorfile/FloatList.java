package org.embex.vectorfile;

import java.util.Arrays;

/** A growable {@code float[]}: rows of numbers gathered without boxing, then handed on as one array. */
final class FloatList {

    private float[] values = new float[1024];
    private int size;

    void add(float value) {
        grow(1);
        values[size++] = value;
    }

    void add(float[] row) {
        grow(row.length);
        System.arraycopy(row, 0, values, size, row.length);
        size += row.length;
    }

    float[] toArray() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }

    private void grow(int more) {
        if (size + more > values.length) {
            values = Arrays.copyOf(values, Math.max(size + more, Math.multiplyExact(values.length, 2)));
        }
    }
}
