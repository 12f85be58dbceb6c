package org.embex.neighbours;

import org.embex.vectors.DotKernel;
import org.embex.vectors.VectorMatrix;

/**
 * All pairs of rows scored as a blocked matrix product: rows go in groups of {@link #GROUP}, and two
 * groups stay in a core's cache while their pairs are scored sixteen dot products at a time
 * ({@link DotKernel#dots4x4}). The exact neighbour graph and the exact pairs above a threshold both
 * walk every pair of groups this way.
 */
final class DotTiles {

    /** Rows scored against another group's at a time: two groups of 64 × 384 floats, 192 KB, stay in a core's L2 cache. */
    static final int GROUP = 64;

    private static final DotKernel KERNEL = DotKernel.best();

    private DotTiles() {
    }

    static int groups(int rows) {
        return (rows + GROUP - 1) / GROUP;
    }

    /** The dot products of group {@code a}'s rows with group {@code b}'s, into {@code tile[GROUP · i + j]}. */
    static void score(VectorMatrix data, int a, int b, float[] tile) {
        int n = data.rows();
        int dims = data.dims();
        float[] values = data.values();
        int aFrom = a * GROUP;
        int aTo = Math.min(n, aFrom + GROUP);
        int bFrom = b * GROUP;
        int bTo = Math.min(n, bFrom + GROUP);
        int aQuads = aFrom + (aTo - aFrom) / 4 * 4;
        int bQuads = bFrom + (bTo - bFrom) / 4 * 4;
        float[] sixteen = new float[16];
        for (int i = aFrom; i < aTo; i += 4) {
            for (int j = bFrom; j < bTo; j += 4) {
                if (i < aQuads && j < bQuads) {
                    KERNEL.dots4x4(values, i, values, j, dims, sixteen);
                    for (int r = 0; r < 4; r++) {
                        System.arraycopy(sixteen, 4 * r, tile, GROUP * (i - aFrom + r) + j - bFrom, 4);
                    }
                } else {
                    for (int r = i; r < Math.min(aTo, i + 4); r++) {
                        for (int c = j; c < Math.min(bTo, j + 4); c++) {
                            tile[GROUP * (r - aFrom) + c - bFrom] = KERNEL.dot(values, r * dims, values, c * dims, dims);
                        }
                    }
                }
            }
        }
    }
}
