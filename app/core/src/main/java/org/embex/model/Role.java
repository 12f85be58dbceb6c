package org.embex.model;

/**
 * What a text is used for. Asymmetric models (E5, BGE) embed a retrieval query differently from
 * the passage it should find; {@link #TEXT} is the symmetric case: similarity, clustering, maps.
 */
public enum Role {
    QUERY,
    PASSAGE,
    TEXT
}
