package org.embex.usecase;

import java.nio.file.Files;
import java.util.Optional;

import org.embex.Seed;
import org.embex.cache.CachingEmbedder;
import org.embex.corpus.Corpus;
import org.embex.model.Role;
import org.embex.neighbours.NeighbourSearch;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectorfile.ImportedVectors;
import org.embex.vectorfile.VectorFiles;
import org.embex.vectorfile.VectorSource;
import org.embex.vectors.VectorMatrix;

/**
 * Opens a corpus and embeds it with one model through the cache: the first step of every use
 * case on a corpus, the same in the window and in each command. Texts are embedded in their
 * symmetric role ({@link Role#TEXT}), the one maps, clusters, neighbours and studies compare
 * texts in, so a corpus is embedded once for all of them. A cancelled run keeps what it committed.
 */
public final class CorpusEmbedding {

    private CorpusEmbedding() {
    }

    /** Reads {@code spec}'s file and embeds it; a file without texts is a bad input, said by the reader. */
    public static EmbeddedCorpus embed(Workspace workspace, CorpusSpec spec, String model, ProgressListener progress,
                                       CancellationToken cancellation) {
        return embed(workspace, spec, spec.read(), model, progress, cancellation);
    }

    /**
     * Embeds a corpus already read from {@code spec}.
     *
     * @param progress hears texts done of texts to do (cached ones count as done at once)
     * @throws org.embex.progress.CancelledException when {@code cancellation} is triggered
     */
    public static EmbeddedCorpus embed(Workspace workspace, CorpusSpec spec, Corpus corpus, String model,
                                       ProgressListener progress, CancellationToken cancellation) {
        return embed(workspace, spec, corpus, model, Role.TEXT, progress, cancellation);
    }

    /** Embeds in another role: {@code embed --role} writes query or passage vectors for other tools. */
    public static EmbeddedCorpus embed(Workspace workspace, CorpusSpec spec, Corpus corpus, String model, Role role,
                                       ProgressListener progress, CancellationToken cancellation) {
        cancellation.check();
        if (VectorSource.names(model)) {
            return imported(workspace, spec, corpus, VectorSource.parse(model), progress);
        }
        CachingEmbedder source = workspace.source(model);
        record(workspace, spec, corpus);
        long started = System.nanoTime();
        CachingEmbedder.EmbedRun run = source.run(corpus.texts(), role, (done, total) -> {
            cancellation.check();
            progress.progress(done, total);
        });
        return embedded(workspace, spec, corpus, model, source, run, started);
    }

    /**
     * The corpus as {@link #embed} gives it when the cache holds every text's vector, read without
     * opening the model; empty when some text would have to be embedded, and for vectors a file
     * brings (they are read from the file, not the cache). A window opens a corpus it has seen
     * before with this while its controls are still being built.
     */
    public static Optional<EmbeddedCorpus> fromCache(Workspace workspace, CorpusSpec spec, Corpus corpus, String model) {
        if (VectorSource.names(model)) {
            return Optional.empty();
        }
        CachingEmbedder source = workspace.source(model);
        long started = System.nanoTime();
        Optional<CachingEmbedder.EmbedRun> run = source.runFromCache(corpus.texts(), Role.TEXT);
        run.ifPresent(found -> record(workspace, spec, corpus));
        return run.map(found -> embedded(workspace, spec, corpus, model, source, found, started));
    }

    /**
     * The cache records a corpus by the hash of its one file; a folder has none, so it is not
     * recorded (its layouts and index are still kept, under CorpusHash's key).
     */
    private static void record(Workspace workspace, CorpusSpec spec, Corpus corpus) {
        if (!Files.isDirectory(spec.file())) {
            workspace.cache().recordCorpus(spec.file(), spec.describe(), corpus.rows().size());
        }
    }

    private static EmbeddedCorpus embedded(Workspace workspace, CorpusSpec spec, Corpus corpus, String model,
                                           CachingEmbedder source, CachingEmbedder.EmbedRun run, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        VectorMatrix matrix = VectorMatrix.of(run.embeddings().stream().map(e -> e.vector()).toList(), source.descriptor().dims());
        EmbeddedCorpus embedded = new EmbeddedCorpus(spec, corpus, corpus, source.descriptor().id(),
                Workspace.reference(workspace.installed(model)), source.fingerprint().hex(),
                new NeighbourSearch(matrix, workspace.exactSearchUpTo(), Seed.DEFAULT),
                EmbedDiagnostics.of(source.descriptor(), run.embeddings()),
                new EmbeddedCorpus.EmbedRun(run.embedded() + run.cached(), run.embedded(), run.cached(), seconds));
        KeptSearches.apply(workspace, embedded);
        return embedded;
    }

    /**
     * Vectors a file brought stand where a model's would: read, checked and fingerprinted, never
     * written to the cache (only what is derived from them is, under their fingerprint). The file's
     * own hash is not taken, here or in the keys of its maps ({@link CorpusHash}): the fingerprint
     * already is one, and hashing a file of a million vectors a second time would cost seconds.
     */
    private static EmbeddedCorpus imported(Workspace workspace, CorpusSpec spec, Corpus corpus, VectorSource source,
                                           ProgressListener progress) {
        long started = System.nanoTime();
        ImportedVectors vectors = VectorFiles.read(corpus, spec.options().formatOf(spec.file()), source);
        int rows = vectors.matrix().rows();
        progress.progress(rows, rows);
        double seconds = (System.nanoTime() - started) / 1e9;
        EmbeddedCorpus embedded = new EmbeddedCorpus(spec, vectors.corpus(), corpus, vectors.name(), vectors.name(), vectors.fingerprint(),
                new NeighbourSearch(vectors.matrix(), workspace.exactSearchUpTo(), Seed.DEFAULT),
                EmbedDiagnostics.imported(vectors), new EmbeddedCorpus.EmbedRun(rows, 0, 0, seconds));
        KeptSearches.apply(workspace, embedded);
        return embedded;
    }
}
