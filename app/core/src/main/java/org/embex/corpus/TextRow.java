package org.embex.corpus;

/** One text to embed, with its id, optional label (empty when none) and the line it came from. */
public record TextRow(String id, String text, String label, long line) {
}
