package org.embex.desktop.viewmodel;

/** One line of the neighbour list. {@code score} is the metric's own figure (a distance for L2). */
public record NeighbourRow(int rank, int index, String text, String label, double score) {
}
