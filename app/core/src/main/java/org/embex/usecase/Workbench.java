package org.embex.usecase;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.cache.CachingEmbedder;
import org.embex.cache.SearchIndexes;
import org.embex.cache.VectorCache;
import org.embex.embed.Embedder;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.neighbours.NeighbourSearch;

/**
 * What the explorer keeps open while it runs: the model catalogue, the vector cache, and each
 * model a user picked (opening one costs about a second, so it is opened once).
 */
public final class Workbench implements AutoCloseable {

    private final ModelCatalogue catalogue;
    private final VectorCache cache;
    private final Map<String, Embedder> embedders = new LinkedHashMap<>();
    private final Map<String, CachingEmbedder> sources = new LinkedHashMap<>();
    private volatile int exactSearchUpTo = NeighbourSearch.DEFAULT_EXACT_UP_TO;

    private Workbench(ModelCatalogue catalogue, VectorCache cache) {
        this.catalogue = catalogue;
        this.cache = cache;
    }

    public static Workbench open(Path modelsDir, Path cacheFile) {
        return new Workbench(new ModelCatalogue(modelsDir), VectorCache.open(cacheFile));
    }

    /** The models a user can pick: installed catalogue models, in catalogue order. */
    public List<ModelFolder> installedModels() {
        return catalogue.all().stream().filter(ModelFolder::installed).toList();
    }

    /** Corpora of more rows than this answer neighbour queries through a graph index once it is built. */
    public int exactSearchUpTo() {
        return exactSearchUpTo;
    }

    /** Sets {@link #exactSearchUpTo()} for corpora opened from now on. */
    public void exactSearchUpTo(int rows) {
        exactSearchUpTo = rows;
    }

    /**
     * Gives a large corpus's neighbour search its graph index for {@code metric}: read back from the
     * cache when this corpus and model were indexed before, built and kept otherwise (long: run it
     * as a job). Returns true when it came from the cache.
     */
    public boolean indexForSearch(EmbeddedCorpus corpus, Metric metric, ProgressListener listener) {
        return SearchIndexes.index(cache, cache.sha256(corpus.spec().file()), corpus.spec().describe(), corpus.fingerprint(),
                corpus.search(), metric, listener);
    }

    public VectorCache cache() {
        return cache;
    }

    /** The model behind the cache; opened on first use. */
    public synchronized CachingEmbedder source(String model) {
        CachingEmbedder source = sources.get(model);
        if (source == null) {
            ModelFolder folder = catalogue.findInstalled(model);
            Embedder embedder = Embedder.open(folder);
            embedders.put(model, embedder);
            source = new CachingEmbedder(embedder, cache, folder);
            sources.put(model, source);
        }
        return source;
    }

    /** The model itself, for one query at a time (its own session, lowest latency). */
    public synchronized Embedder embedder(String model) {
        source(model);
        return embedders.get(model);
    }

    @Override
    public synchronized void close() {
        embedders.values().forEach(Embedder::close);
        embedders.clear();
        sources.clear();
        cache.close();
    }
}
