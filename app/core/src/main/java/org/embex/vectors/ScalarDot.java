package org.embex.vectors;

/** Eight independent fused multiply-adds per step keep the scalar pipeline full. */
final class ScalarDot implements DotKernel {

    @Override
    public float dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
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
            int i = aFrom + j;
            int q = bFrom + j;
            s0 = Math.fma(a[i], b[q], s0);
            s1 = Math.fma(a[i + 1], b[q + 1], s1);
            s2 = Math.fma(a[i + 2], b[q + 2], s2);
            s3 = Math.fma(a[i + 3], b[q + 3], s3);
            s4 = Math.fma(a[i + 4], b[q + 4], s4);
            s5 = Math.fma(a[i + 5], b[q + 5], s5);
            s6 = Math.fma(a[i + 6], b[q + 6], s6);
            s7 = Math.fma(a[i + 7], b[q + 7], s7);
        }
        for (; j < length; j++) {
            s0 = Math.fma(a[aFrom + j], b[bFrom + j], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public void dots4x4(float[] a, int aRow, float[] b, int bRow, int dims, float[] out) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                out[4 * i + j] = dot(a, (aRow + i) * dims, b, (bRow + j) * dims, dims);
            }
        }
    }

    @Override
    public void dots1x4(float[] v, int a, int b0, int b1, int b2, int b3, int length, float[] out, int outFrom) {
        out[outFrom] = dot(v, a, v, b0, length);
        out[outFrom + 1] = dot(v, a, v, b1, length);
        out[outFrom + 2] = dot(v, a, v, b2, length);
        out[outFrom + 3] = dot(v, a, v, b3, length);
    }

    @Override
    public void columnDots(float[] a, int aFrom, int width, int depth, float[] w, int wFrom, float[] out, int outFrom) {
        for (int j = 0; j < width; j++) {
            float sum = 0;
            for (int k = 0; k < depth; k++) {
                sum = Math.fma(a[aFrom + k * width + j], w[wFrom + k], sum);
            }
            out[outFrom + j] = sum;
        }
    }

    @Override
    public void addScaled(float[] a, int aFrom, float scale, float[] target, int length) {
        for (int j = 0; j < length; j++) {
            target[j] = Math.fma(a[aFrom + j], scale, target[j]);
        }
    }
}
