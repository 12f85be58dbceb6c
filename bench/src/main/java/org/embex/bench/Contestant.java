package org.embex.bench;

import java.util.List;

/**
 * One way of embedding a list of texts. Preparing is not timed, so a contestant that needs its
 * inputs in another form (segments, token ids, tensors) gets them ready beforehand.
 */
interface Contestant {

    /** Short and stable, for JSON. */
    String name();

    /** What a person reads in the table. */
    String label();

    Pass prepare(List<String> texts);

    /** Embeds the prepared texts once; may run any number of times. */
    interface Pass extends AutoCloseable {

        void run();

        /** Frees what preparing held; most passes hold nothing. */
        @Override
        default void close() {
        }
    }
}
