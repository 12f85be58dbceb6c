package org.embex.desktop.viewmodel;

/**
 * A request to bring a row to the middle of the map. Each request is a new value (its {@code serial}
 * grows), so asking for the same row twice centres twice.
 */
public record Centring(int row, long serial) {
}
