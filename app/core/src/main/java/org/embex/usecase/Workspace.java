package org.embex.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.embex.BadInputException;
import org.embex.EmbexException;
import org.embex.cache.CachingEmbedder;
import org.embex.cache.VectorCache;
import org.embex.embed.Embedder;
import org.embex.embed.EmbeddingModel;
import org.embex.endpoint.EndpointEmbedder;
import org.embex.model.ContentHash;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;
import org.embex.neighbours.NeighbourSearch;
import org.embex.vectorfile.VectorSource;

/**
 * What a face keeps open while it works: the model catalogue, the vector cache, and each model
 * it used (opening one costs about a second, so it is opened once). A command holds one for its
 * run, the window for its life. The cache file is opened on first use, so work that needs no
 * vectors (applying a gate, the catalogue) leaves it alone.
 */
public final class Workspace implements AutoCloseable {

    private final ModelCatalogue catalogue;
    private final Path cacheFile;
    /** Open models by folder: two folders whose model.json say the same id are two models. */
    private final Map<Path, EmbeddingModel> embedders = new LinkedHashMap<>();
    private final Map<Path, CachingEmbedder> sources = new LinkedHashMap<>();
    /** Each reference a face gave (an id or a folder) resolved once: resolving lists the catalogue. */
    private final Map<String, ModelFolder> resolved = new LinkedHashMap<>();
    private VectorCache cache;
    private boolean closed;
    private volatile int exactSearchUpTo = NeighbourSearch.DEFAULT_EXACT_UP_TO;
    private Consumer<ModelFolder> textsLeave = folder -> { };

    private Workspace(ModelCatalogue catalogue, Path cacheFile) {
        this.catalogue = catalogue;
        this.cacheFile = cacheFile;
    }

    /** The cache a user has not named: $EMBEX_CACHE, else $XDG_CACHE_HOME/embex/vectors.sqlite, else ~/.cache/embex/vectors.sqlite. */
    public static Path defaultCacheFile() {
        return VectorCache.configuredFile(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * A workspace over the catalogue in {@code modelsDir}. An installed package says its catalogue
     * is read-only with {@code -Dembex.models.bundled=true}; its models are then installed into the
     * user's data folder ({@link ModelCatalogue#userFolder}).
     */
    public static Workspace open(Path modelsDir, Path cacheFile) {
        Optional<Path> userFolder = Boolean.getBoolean("embex.models.bundled")
                ? Optional.of(ModelCatalogue.userFolder(System.getenv(), Path.of(System.getProperty("user.home"))))
                : Optional.empty();
        return new Workspace(new ModelCatalogue(modelsDir, userFolder), cacheFile);
    }

    /** Where models are installed: the catalogue's folder, or the user's beside a read-only catalogue. */
    ModelCatalogue catalogue() {
        return catalogue;
    }

    /** Every catalogue model, installed or not, in catalogue order; a catalogue folder that is not there is a bad input. */
    public List<ModelFolder> models() {
        if (!Files.isDirectory(catalogue.directory())) {
            throw new BadInputException("there is no model catalogue at " + catalogue.directory()
                    + " (--models-dir or EMBEX_MODELS names the folder of the models' model.json files)");
        }
        return catalogue.all();
    }

    /** Every catalogue model, or none when there is no catalogue folder (the models were given as folders). */
    public List<ModelFolder> catalogueModels() {
        return catalogue.all();
    }

    /** The models a user can pick: installed catalogue models, in catalogue order. */
    public List<ModelFolder> installedModels() {
        return catalogue.all().stream().filter(ModelFolder::installed).toList();
    }

    /** A catalogue model by id, or a model folder by path; installed or not. */
    public ModelFolder model(String idOrPath) {
        return catalogue.find(idOrPath);
    }

    /** An installed model by id or folder; a bad input that says what is missing otherwise. */
    public synchronized ModelFolder installed(String idOrPath) {
        if (VectorSource.names(idOrPath)) {
            // Vectors from a file stand where a model does for the corpus they came with, and nowhere a model must embed.
            throw new BadInputException(idOrPath + " holds vectors from a file, not a model: it cannot embed other texts"
                    + " (queries, pairs, another file); use the installed model that made them");
        }
        ModelFolder folder = resolved.get(idOrPath);
        if (folder == null) {
            folder = catalogue.findInstalled(idOrPath);
            resolved.put(idOrPath, folder);
        }
        return folder;
    }

    /**
     * The reference that names {@code model} unambiguously from now on: its folder. An id names the
     * catalogue's model, and a user's own folder may carry a catalogue id in its model.json.
     */
    public static String reference(ModelFolder model) {
        return key(model).toString();
    }

    private static Path key(ModelFolder model) {
        return model.directory().toAbsolutePath().normalize();
    }

    public Path catalogueDir() {
        return catalogue.directory();
    }

    public Path cacheFile() {
        return cacheFile;
    }

    /**
     * Hears each endpoint model as it is opened, before its first request: texts leave the machine only
     * there, and a face says so (the command line on stderr; the window asks first, before it embeds).
     */
    public synchronized void whenTextsLeave(Consumer<ModelFolder> listener) {
        textsLeave = listener;
    }

    /** Corpora of more rows than this answer neighbour queries through a graph index once it is built. */
    public int exactSearchUpTo() {
        return exactSearchUpTo;
    }

    /** Sets {@link #exactSearchUpTo()} for corpora embedded from now on. */
    public void exactSearchUpTo(int rows) {
        exactSearchUpTo = rows;
    }

    /** The cache, opened on first use and created if there is none. */
    synchronized VectorCache cache() {
        open();
        if (cache == null) {
            cache = VectorCache.open(cacheFile);
        }
        return cache;
    }

    /** The cache, opened on first use; a bad input when there is none, for upkeep, which must not create one. */
    synchronized VectorCache existingCache() {
        if (cache == null) {
            cache = VectorCache.openExisting(cacheFile);
        }
        return cache;
    }

    /** The model behind the cache; opened on first use. */
    synchronized CachingEmbedder source(String model) {
        open();
        ModelFolder folder = installed(model);
        CachingEmbedder source = sources.get(key(folder));
        if (source == null) {
            VectorCache vectors = cache();
            // The model is opened on the first text the cache lacks; an endpoint's fingerprint is
            // what it answers, so that one is opened now.
            source = CachingEmbedder.opening(() -> embedder(model), fingerprint(folder), vectors, folder);
            sources.put(key(folder), source);
        }
        return source;
    }

    /** The model itself, for one text at a time (its own session, lowest latency), without the cache. */
    synchronized EmbeddingModel embedder(String model) {
        open();
        return embedder(installed(model));
    }

    /**
     * What the model's vectors depend on, as it is now: its files' hashes, or for an endpoint model what
     * the endpoint answers for a probe text (one request, the first time).
     */
    synchronized ModelFingerprint fingerprint(ModelFolder folder) {
        if (folder.descriptor().remote()) {
            open();
            return embedder(folder).fingerprint(ContentHash.UNCACHED);
        }
        return ModelFingerprint.of(folder, cache != null ? cache : ContentHash.UNCACHED);
    }

    private EmbeddingModel embedder(ModelFolder folder) {
        EmbeddingModel embedder = embedders.get(key(folder));
        if (embedder == null) {
            if (folder.descriptor().remote()) {
                textsLeave.accept(folder);
                embedder = EndpointEmbedder.open(folder, System.getenv());
            } else {
                // As the user kept it for this model on this machine (tune batch --keep), else the defaults.
                embedder = Embedder.open(folder, KeptEmbedders.options(this, folder));
            }
            embedders.put(key(folder), embedder);
        }
        return embedder;
    }

    /** A job that outlives its window must not reopen what the window closed. */
    private void open() {
        if (closed) {
            throw new EmbexException("the workspace is closed");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        embedders.values().forEach(EmbeddingModel::close);
        embedders.clear();
        sources.clear();
        if (cache != null) {
            cache.close();
            cache = null;
        }
    }
}
