package org.embex.neighbours;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.embex.vectors.Metric;
import org.embex.vectors.VectorMatrix;

class RandomProjectionTreeTest {

    private static VectorMatrix rows(int count, long seed) {
        Random random = new Random(seed);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] row = new float[20];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() + (i % 4);
            }
            rows.add(i % 97 == 96 ? rows.get(i - 1).clone() : row);
        }
        return VectorMatrix.of(rows, 20);
    }

    @Test
    void everyRowsOwnVectorLeadsToTheSmallLeafThatHoldsIt() {
        VectorMatrix data = rows(3000, 1);
        for (Metric metric : Metric.values()) {
            RandomProjectionTree tree = RandomProjectionTree.build(data, metric, 9);
            for (int row = 0; row < data.rows(); row += 3) {
                int[] leaf = tree.leafOf(data.row(row));
                assertThat(leaf.length).isBetween(1, RandomProjectionTree.LEAF);
                assertThat(leaf).as("%s row %d", metric, row).contains(row);
            }
        }
    }

    @Test
    void manyCopiesOfOneRowStillSplitIntoSmallLeaves() {
        List<float[]> same = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            same.add(new float[] {1, 2, 3});
        }
        RandomProjectionTree tree = RandomProjectionTree.build(VectorMatrix.of(same, 3), Metric.COSINE, 2);
        assertThat(tree.leafOf(new float[] {1, 2, 3}).length).isLessThanOrEqualTo(RandomProjectionTree.LEAF);
    }
}
