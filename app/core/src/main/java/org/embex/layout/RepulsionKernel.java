package org.embex.layout;

/**
 * The innermost loop of t-SNE: one point's repulsion from a list of points and cells.
 * {@link #best()} uses SIMD through the JDK's vector API when the JVM has it (the launcher and
 * the tests add it), and plain Java otherwise; each gives the same sums for the same input every
 * time.
 */
interface RepulsionKernel {

    /**
     * Repulsion on the point at ({@code x}, {@code y}) from the first {@code size} entries
     * (positions {@code ex, ey}, weights {@code count}): adds Σ c·w² (y_i − y_e) to
     * {@code force[0], force[1]} and returns Σ c·w, with w = 1 / (1 + d²).
     */
    double repel(double x, double y, double[] ex, double[] ey, double[] count, int size, double[] force);

    static RepulsionKernel best() {
        boolean simd = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return simd ? new SimdRepulsion() : new ScalarRepulsion();
    }
}
