package org.embex.vectors;

/** Eight independent fused multiply-adds per step keep the scalar pipeline full. */
final class ScalarDot implements DotKernel {

    @Override
    public float dot(float[] matrix, int offset, float[] query, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j + 7 < length; j += 8) {
            int i = offset + j;
            s0 = Math.fma(matrix[i], query[j], s0);
            s1 = Math.fma(matrix[i + 1], query[j + 1], s1);
            s2 = Math.fma(matrix[i + 2], query[j + 2], s2);
            s3 = Math.fma(matrix[i + 3], query[j + 3], s3);
            s4 = Math.fma(matrix[i + 4], query[j + 4], s4);
            s5 = Math.fma(matrix[i + 5], query[j + 5], s5);
            s6 = Math.fma(matrix[i + 6], query[j + 6], s6);
            s7 = Math.fma(matrix[i + 7], query[j + 7], s7);
        }
        for (; j < length; j++) {
            s0 = Math.fma(matrix[offset + j], query[j], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
