package org.embex.gate;

/** What the gate says of one query: accept or refuse, the score, and the closest intent. */
public record GateDecision(boolean accepted, double score, String intent) {
}
