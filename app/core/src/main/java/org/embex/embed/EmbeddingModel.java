package org.embex.embed;

import java.util.List;

import org.embex.model.FileHasher;
import org.embex.model.ModelFingerprint;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;

/**
 * An open model that embeds texts: a local ONNX model ({@link Embedder}), or one that runs at an
 * HTTP endpoint ({@link org.embex.endpoint.EndpointEmbedder}). Every face reaches models through
 * this, so an endpoint model works wherever a local one does.
 */
public interface EmbeddingModel extends EmbeddingSource, AutoCloseable {

    /** One text, as fast as the model answers a single caller (a typed query). */
    Embedding embed(String text, Role role);

    default List<Embedding> embed(List<String> texts, Role role) {
        return embed(texts, role, ProgressListener.NONE);
    }

    /** A batch gathered from many callers, in one call to the model. */
    default List<Embedding> embedSpread(List<String> texts, Role role) {
        return embed(texts, role);
    }

    /** How many texts a batch from many callers should hold to keep the model busy. */
    int servedBatch();

    /** What this model's vectors depend on; keys the vector cache, so a changed model never serves old vectors. */
    ModelFingerprint fingerprint(FileHasher hasher);

    @Override
    void close();
}
