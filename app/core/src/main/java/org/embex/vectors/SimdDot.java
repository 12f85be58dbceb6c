package org.embex.vectors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The widest SIMD registers the CPU has (AVX-512: 16 floats), fused multiply-add, one reduction at the end. */
final class SimdDot implements DotKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public float dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        // Four sums, so that four fused multiply-adds are in flight instead of each waiting for the last.
        int width = SPECIES.length();
        FloatVector sum0 = FloatVector.zero(SPECIES);
        FloatVector sum1 = FloatVector.zero(SPECIES);
        FloatVector sum2 = FloatVector.zero(SPECIES);
        FloatVector sum3 = FloatVector.zero(SPECIES);
        int j = 0;
        for (int bound = length - 4 * width; j <= bound; j += 4 * width) {
            sum0 = FloatVector.fromArray(SPECIES, a, aFrom + j).fma(FloatVector.fromArray(SPECIES, b, bFrom + j), sum0);
            sum1 = FloatVector.fromArray(SPECIES, a, aFrom + j + width)
                    .fma(FloatVector.fromArray(SPECIES, b, bFrom + j + width), sum1);
            sum2 = FloatVector.fromArray(SPECIES, a, aFrom + j + 2 * width)
                    .fma(FloatVector.fromArray(SPECIES, b, bFrom + j + 2 * width), sum2);
            sum3 = FloatVector.fromArray(SPECIES, a, aFrom + j + 3 * width)
                    .fma(FloatVector.fromArray(SPECIES, b, bFrom + j + 3 * width), sum3);
        }
        for (int bound = SPECIES.loopBound(length); j < bound; j += width) {
            sum0 = FloatVector.fromArray(SPECIES, a, aFrom + j).fma(FloatVector.fromArray(SPECIES, b, bFrom + j), sum0);
        }
        float result = sum0.add(sum1).add(sum2.add(sum3)).reduceLanes(VectorOperators.ADD);
        for (; j < length; j++) {
            result = Math.fma(a[aFrom + j], b[bFrom + j], result);
        }
        return result;
    }

    @Override
    public void addScaled(float[] a, int aFrom, float scale, float[] target, int length) {
        FloatVector factor = FloatVector.broadcast(SPECIES, scale);
        int j = 0;
        for (int bound = SPECIES.loopBound(length); j < bound; j += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, a, aFrom + j).fma(factor, FloatVector.fromArray(SPECIES, target, j))
                    .intoArray(target, j);
        }
        for (; j < length; j++) {
            target[j] = Math.fma(a[aFrom + j], scale, target[j]);
        }
    }
}
