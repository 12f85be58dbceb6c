package org.embex.desktop.threshold;

import java.util.ArrayList;
import java.util.List;

/**
 * Round values to mark along an axis: steps of 1, 2 or 5 times a power of ten, as many as fit
 * about {@code wanted} marks between {@code low} and {@code high}, each label with as many decimals
 * as the step needs and no more.
 */
public record AxisTicks(List<Double> values, int decimals) {

    public static AxisTicks between(double low, double high, int wanted) {
        double span = high > low ? high - low : Math.max(Math.abs(low), 1);
        double raw = span / Math.max(1, wanted);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double multiple : new double[] {1, 2, 5, 10}) {
            step = multiple * power;
            if (step >= raw) {
                break;
            }
        }
        List<Double> values = new ArrayList<>();
        for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) {
            values.add(k * step);
        }
        return new AxisTicks(List.copyOf(values), Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9)));
    }

    public String label(double value) {
        return String.format("%." + decimals + "f", value);
    }
}
