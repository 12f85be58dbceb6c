package org.embex.bench;

import java.util.List;

import org.embex.embed.Embedder;
import org.embex.model.Role;

/** embex as an application calls it: all the texts in one call, tokenising included. */
final class EmbexContestant implements Contestant {

    private final Embedder embedder;

    /** The caller keeps ownership of the embedder; it also serves the query-latency run. */
    EmbexContestant(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "embex";
    }

    @Override
    public String label() {
        return "embex Embedder.embed";
    }

    @Override
    public Pass prepare(List<String> texts) {
        return () -> embedder.embed(texts, Role.TEXT);
    }
}
