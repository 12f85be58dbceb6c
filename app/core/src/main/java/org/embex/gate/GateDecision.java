package org.embex.gate;

/**
 * What the gate says of one query: accept or refuse, the score, the closest intent, and the
 * closest example's text (empty when the gate keeps no texts: intent centroids, or a gate file
 * written before gates kept them).
 */
public record GateDecision(boolean accepted, double score, String intent, String example) {
}
