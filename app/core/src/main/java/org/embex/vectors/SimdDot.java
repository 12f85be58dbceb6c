package org.embex.vectors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The widest SIMD registers the CPU has (AVX-512: 16 floats), fused multiply-add, one reduction at the end. */
final class SimdDot implements DotKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public float dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int j = 0;
        for (int bound = SPECIES.loopBound(length); j < bound; j += SPECIES.length()) {
            sum = FloatVector.fromArray(SPECIES, a, aFrom + j).fma(FloatVector.fromArray(SPECIES, b, bFrom + j), sum);
        }
        float result = sum.reduceLanes(VectorOperators.ADD);
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
