package org.embex.spark;

import java.io.Serializable;

/**
 * Called as a part goes from written to committed, so that a test can fail a task where a real
 * one fails (an executor lost mid-write, or after its commit) and check that the retry leaves
 * neither a duplicate nor a gap.
 */
interface PartHook extends Serializable {

    PartHook NONE = (stage, part, attempt) -> { };

    enum Stage { WRITTEN, COMMITTED }

    void reached(Stage stage, int part, int attempt);
}
