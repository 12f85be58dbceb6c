package org.embex.usecase;

import java.util.List;

import org.embex.embed.EmbeddingModel;
import org.embex.embed.Embedding;
import org.embex.model.ModelDescriptor;
import org.embex.model.Role;

/**
 * An installed model embedding texts as they come, for a face that answers many callers: texts
 * from several requests may go in one engine call, without the cache (a served text is seldom
 * seen again, and a cache write per request would cost more than the embedding).
 */
public final class TextEmbedding {

    private final EmbeddingModel embedder;

    private TextEmbedding(EmbeddingModel embedder) {
        this.embedder = embedder;
    }

    /** The installed model {@code model} (catalogue id or folder), opened once for the workspace's life. */
    public static TextEmbedding open(Workspace workspace, String model) {
        return new TextEmbedding(workspace.embedder(model));
    }

    public ModelDescriptor descriptor() {
        return embedder.descriptor();
    }

    /**
     * Whether each text must run alone: a quantized model's vectors depend on the batch they run
     * in (decision 0003), so texts from several callers must not share a run.
     */
    public boolean oneTextPerRun() {
        return embedder.descriptor().quantized();
    }

    /** The texts' vectors, in their order, in one engine call spread over its sessions. */
    public List<Embedding> embed(List<String> texts) {
        return embedder.embedSpread(texts, Role.TEXT);
    }

    /** How many texts one engine call takes to keep every core busy once: what a batch from many callers should hold. */
    public int servedBatch() {
        return embedder.servedBatch();
    }

    /** One text on its own session, the lowest latency for a lone caller. */
    public Embedding embed(String text) {
        return embedder.embed(text, Role.TEXT);
    }
}
