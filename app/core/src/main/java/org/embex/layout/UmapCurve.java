package org.embex.layout;

/**
 * UMAP's low-dimensional similarity {@code 1 / (1 + a·d^(2b))}, with {@code a} and {@code b}
 * fitted by least squares to the target curve that is 1 up to {@code minDist} and then falls as
 * {@code exp(−(d − minDist) / spread)}, sampled at 300 points on [0, 3·spread], as umap-learn's
 * {@code find_ab_params} does. Solved by Gauss-Newton with step halving.
 */
public record UmapCurve(double a, double b) {

    private static final int SAMPLES = 300;

    /**
     * The constant of a random point's push, {@code 2γb}: the repulsive gradient is
     * {@code 2γb / ((0.001 + d²)(1 + a·d^(2b)))}, γ the repulsion (umap-learn's {@code repulsion_strength}).
     */
    public double push(double repulsion) {
        return 2 * repulsion * b;
    }

    public static UmapCurve fit(double minDist, double spread) {
        double[] xs = new double[SAMPLES];
        double[] ys = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            xs[i] = 3 * spread * i / (SAMPLES - 1);
            ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double error = squaredError(xs, ys, a, b);
        for (int iteration = 0; iteration < 200; iteration++) {
            // Normal equations of the 2 × 2 Gauss-Newton step.
            double jaa = 0;
            double jab = 0;
            double jbb = 0;
            double ga = 0;
            double gb = 0;
            for (int i = 1; i < SAMPLES; i++) {
                double x = xs[i];
                double power = Math.pow(x, 2 * b);
                double denominator = 1 + a * power;
                double f = 1 / denominator;
                double residual = f - ys[i];
                double dfa = -power / (denominator * denominator);
                double dfb = -a * power * 2 * Math.log(x) / (denominator * denominator);
                jaa += dfa * dfa;
                jab += dfa * dfb;
                jbb += dfb * dfb;
                ga += dfa * residual;
                gb += dfb * residual;
            }
            double determinant = jaa * jbb - jab * jab;
            if (Math.abs(determinant) < 1e-300) {
                break;
            }
            double stepA = (jbb * ga - jab * gb) / determinant;
            double stepB = (jaa * gb - jab * ga) / determinant;
            double scale = 1;
            double nextError;
            do {
                nextError = squaredError(xs, ys, a - scale * stepA, b - scale * stepB);
                scale /= 2;
            } while (nextError > error && scale > 1e-10);
            a -= 2 * scale * stepA;
            b -= 2 * scale * stepB;
            if (error - nextError < 1e-14) {
                error = nextError;
                break;
            }
            error = nextError;
        }
        return new UmapCurve(a, b);
    }

    private static double squaredError(double[] xs, double[] ys, double a, double b) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            double f = 1 / (1 + a * Math.pow(xs[i], 2 * b));
            sum += (f - ys[i]) * (f - ys[i]);
        }
        return sum;
    }
}
