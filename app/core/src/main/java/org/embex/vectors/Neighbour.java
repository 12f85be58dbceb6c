package org.embex.vectors;

/** A vector found near a query: its index in the searched set and its score (larger is closer). */
public record Neighbour(int index, double score) {
}
