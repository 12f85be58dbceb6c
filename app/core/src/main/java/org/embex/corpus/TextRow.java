package org.embex.corpus;

import java.util.Map;

/**
 * One text to embed, with its id, label (empty when none), every other column as metadata, and
 * the line it starts on.
 */
public record TextRow(String id, String text, String label, Map<String, String> metadata, long line) {

    public TextRow {
        metadata = Map.copyOf(metadata);
    }
}
