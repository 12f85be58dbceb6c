package org.embex.usecase;

import java.util.List;

import org.embex.cache.CachingEmbedder;
import org.embex.corpus.Corpus;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.neighbours.NeighbourSearch;
import org.embex.vectors.VectorMatrix;

/** Embeds an opened corpus with one model through the cache; a cancelled run keeps what it committed. */
public final class CorpusEmbedding {

    /** Seeds the neighbour graph of a large corpus, so the same corpus gets the same index. */
    private static final long SEED = 42;

    private CorpusEmbedding() {
    }

    /**
     * @param progress hears texts done of texts to do (cached ones count as done at once)
     * @throws org.embex.progress.CancelledException when {@code cancellation} is triggered
     */
    public static EmbeddedCorpus embed(Workbench workbench, CorpusSpec spec, Corpus corpus, String model,
                                       ProgressListener progress, CancellationToken cancellation) {
        cancellation.check();
        CachingEmbedder source = workbench.source(model);
        List<Embedding> embeddings = source.embed(corpus.texts(), Role.TEXT, (done, total) -> {
            cancellation.check();
            progress.progress(done, total);
        });
        List<float[]> vectors = embeddings.stream().map(Embedding::vector).toList();
        VectorMatrix matrix = VectorMatrix.of(vectors, source.descriptor().dims());
        return new EmbeddedCorpus(spec, corpus, source.descriptor().id(), source.fingerprint().hex(), vectors,
                new NeighbourSearch(matrix, workbench.exactSearchUpTo(), SEED), EmbedDiagnostics.of(source.descriptor().id(), embeddings));
    }
}
