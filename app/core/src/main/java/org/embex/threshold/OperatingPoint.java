package org.embex.threshold;

/** A named way of choosing the threshold, and where it lands. */
public record OperatingPoint(String name, Confusion confusion) {

    public double threshold() {
        return confusion.threshold();
    }
}
