package org.embex.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.embex.vectors.VectorMatrix;

/**
 * A map that scales past one UMAP: UMAP of a random sample, every other point placed from its
 * nearest sample points ({@link SamplePlacement}). On one machine this is what a cluster does
 * (the sample mapped on the driver, the rest placed on the executors); it is measured against full
 * UMAP by {@code bench/run sampled-map}.
 */
public final class SampledUmap {

    private SampledUmap() {
    }

    /** A sample of {@code size} of {@code rows} row indices, in increasing order, the same for the same seed. */
    public static int[] sample(int rows, int size, long seed) {
        if (size >= rows) {
            return IntStream.range(0, rows).toArray();
        }
        int[] order = IntStream.range(0, rows).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(rows - i);
            int kept = order[i];
            order[i] = order[j];
            order[j] = kept;
        }
        int[] chosen = Arrays.copyOf(order, size);
        Arrays.sort(chosen);
        return chosen;
    }

    /** The map of every row of {@code data}: UMAP of {@code sampleSize} rows, the others placed. */
    public static Layout layout(VectorMatrix data, int sampleSize, UmapParams params, LayoutWatch watch) {
        int[] sample = sample(data.rows(), sampleSize, params.seed());
        List<float[]> sampled = new ArrayList<>(sample.length);
        boolean[] inSample = new boolean[data.rows()];
        for (int row : sample) {
            sampled.add(data.row(row));
            inSample[row] = true;
        }
        VectorMatrix sampleMatrix = VectorMatrix.of(sampled, data.dims());
        Layout sampleMap = Umap.layout(sampleMatrix, params, watch);
        List<float[]> others = new ArrayList<>(data.rows() - sample.length);
        for (int row = 0; row < data.rows(); row++) {
            if (!inSample[row]) {
                others.add(data.row(row));
            }
        }
        Layout placed = SamplePlacement.of(sampleMatrix, sampleMap, params).place(others, params.seed()).layout();
        float[] x = new float[data.rows()];
        float[] y = new float[data.rows()];
        int s = 0;
        int o = 0;
        for (int row = 0; row < data.rows(); row++) {
            if (inSample[row]) {
                x[row] = sampleMap.x()[s];
                y[row] = sampleMap.y()[s++];
            } else {
                x[row] = placed.x()[o];
                y[row] = placed.y()[o++];
            }
        }
        return new Layout(x, y);
    }
}
