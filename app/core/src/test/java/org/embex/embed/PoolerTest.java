package org.embex.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;

import org.embex.model.Pooling;
import org.embex.vectors.Metric;

class PoolerTest {

    /** Two texts of width 2: the first has 2 real tokens, the second 1 real token and 1 padding row. */
    private static final float[] HIDDEN = {
        1, 0, /* */ 3, 4,
        0, 2, /* */ 100, 100};

    @Test
    void meanPoolingAveragesOnlyRealTokens() {
        float[][] pooled = Pooler.pool(FloatBuffer.wrap(HIDDEN), new int[] {2, 1}, 2, 2, Pooling.MEAN);
        // mean of (1,0) and (3,4) is (2,2), normalised (0.7071, 0.7071); padding (100,100) ignored
        assertThat(pooled[0][0]).isCloseTo(0.70710677f, within(1e-6f));
        assertThat(pooled[0][1]).isCloseTo(0.70710677f, within(1e-6f));
        assertThat(pooled[1]).containsExactly(0f, 1f);
    }

    @Test
    void clsPoolingTakesTheFirstToken() {
        float[][] pooled = Pooler.pool(FloatBuffer.wrap(HIDDEN), new int[] {2, 1}, 2, 2, Pooling.CLS);
        assertThat(pooled[0]).containsExactly(1f, 0f);
        assertThat(pooled[1]).containsExactly(0f, 1f);
    }

    @Test
    void normaliseScalesToUnitLength() {
        assertThat(Metric.normalize(new float[] {3, 4})).containsExactly(0.6f, 0.8f);
    }

    @Test
    void normaliseLeavesZeroVectorZero() {
        assertThat(Metric.normalize(new float[] {0, 0})).containsExactly(0f, 0f);
    }
}
