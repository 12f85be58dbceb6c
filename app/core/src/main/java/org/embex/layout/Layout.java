package org.embex.layout;

/** Two coordinates per point, {@code x[i]} and {@code y[i]}. */
public record Layout(float[] x, float[] y) {

    public int points() {
        return x.length;
    }
}
