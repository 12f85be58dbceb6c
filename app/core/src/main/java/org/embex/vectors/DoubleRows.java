package org.embex.vectors;

import java.util.List;

/** Vectors widened to {@code double[][]}, the shape Smile and Tribuo take. */
public final class DoubleRows {

    private DoubleRows() {
    }

    public static double[][] of(VectorMatrix vectors) {
        double[][] rows = new double[vectors.rows()][];
        for (int i = 0; i < rows.length; i++) {
            float[] vector = vectors.row(i);
            rows[i] = new double[vector.length];
            for (int j = 0; j < vector.length; j++) {
                rows[i][j] = vector[j];
            }
        }
        return rows;
    }

    public static double[][] of(List<float[]> vectors) {
        return of(VectorMatrix.of(vectors, vectors.isEmpty() ? 0 : vectors.get(0).length));
    }
}
