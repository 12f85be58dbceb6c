package org.embex.embed;

import java.util.List;

import org.embex.model.ModelDescriptor;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;

/** Anything that turns texts into a model's vectors: the embedder itself, or the embedder behind a cache. */
public interface EmbeddingSource {

    ModelDescriptor descriptor();

    /** The vectors of {@code texts}, in their order. */
    List<Embedding> embed(List<String> texts, Role role, ProgressListener listener);
}
