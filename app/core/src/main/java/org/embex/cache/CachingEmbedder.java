package org.embex.cache;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.embex.embed.EmbeddingModel;
import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingSource;
import org.embex.model.ModelDescriptor;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;

/**
 * Embeds through the cache: strings already stored for this model are read back, the rest are
 * embedded in slices and each slice is committed as soon as it is done, so a kill loses at most
 * the slice in flight. A string that occurs many times is embedded once. The model itself may be
 * opened only when a string is missing ({@link #opening}): a corpus the cache holds whole is read
 * back without the second it takes to load a model.
 */
public final class CachingEmbedder implements EmbeddingSource {

    /** Texts per committed slice: big enough to keep every session busy, small enough to lose little. */
    static final int SLICE = 256;

    private final Supplier<EmbeddingModel> embedder;
    private final ModelDescriptor descriptor;
    private final VectorCache cache;
    private final int model;
    private final ModelFingerprint fingerprint;

    public CachingEmbedder(EmbeddingModel embedder, VectorCache cache, ModelFolder folder) {
        this(() -> embedder, embedder.descriptor(), embedder.fingerprint(cache), cache, folder);
    }

    private CachingEmbedder(Supplier<EmbeddingModel> embedder, ModelDescriptor descriptor, ModelFingerprint fingerprint,
                            VectorCache cache, ModelFolder folder) {
        this.embedder = embedder;
        this.descriptor = descriptor;
        this.cache = cache;
        this.fingerprint = fingerprint;
        this.model = cache.modelKey(fingerprint, folder.id(), descriptor.dims());
    }

    /**
     * A caching embedder that asks {@code opener} for the model on the first string the cache lacks;
     * {@code fingerprint} is the model's as {@code folder} holds it (what its vectors are keyed by).
     */
    public static CachingEmbedder opening(Supplier<EmbeddingModel> opener, ModelFingerprint fingerprint, VectorCache cache,
                                          ModelFolder folder) {
        return new CachingEmbedder(opener, folder.descriptor(), fingerprint, cache, folder);
    }

    public ModelFingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Embedding> embed(List<String> texts, Role role, ProgressListener listener) {
        return run(texts, role, listener).embeddings();
    }

    /** Like {@link #embed}, and says how much was computed and how much read back. */
    public EmbedRun run(List<String> texts, Role role, ProgressListener listener) {
        Lookup lookup = lookUp(texts, role);
        Map<ByteBuffer, Embedding> known = lookup.known();
        List<ByteBuffer> missing = lookup.missing();
        long total = lookup.distinct().size();
        long cached = known.size();
        listener.progress(cached, total);

        for (int from = 0; from < missing.size(); from += SLICE) {
            List<ByteBuffer> slice = missing.subList(from, Math.min(missing.size(), from + SLICE));
            long before = cached + from;
            List<Embedding> computed = embedder.get().embed(slice.stream().map(lookup.distinct()::get).toList(), role,
                    (done, sliceTotal) -> listener.progress(before + done, total));
            List<CachedVector> batch = new ArrayList<>(slice.size());
            for (int i = 0; i < slice.size(); i++) {
                batch.add(new CachedVector(slice.get(i).array(), computed.get(i)));
                known.put(slice.get(i), computed.get(i));
            }
            cache.putAll(model, batch);
        }
        return lookup.run(missing.size(), (int) cached);
    }

    /** The run read from the cache alone when it holds every text's vector; empty, with no model opened, when it does not. */
    public Optional<EmbedRun> runFromCache(List<String> texts, Role role) {
        Lookup lookup = lookUp(texts, role);
        return lookup.missing().isEmpty() ? Optional.of(lookup.run(0, lookup.known().size())) : Optional.empty();
    }

    private Lookup lookUp(List<String> texts, Role role) {
        Map<ByteBuffer, String> distinct = new LinkedHashMap<>();
        List<ByteBuffer> keys = new ArrayList<>(texts.size());
        for (String text : texts) {
            String embedded = descriptor.prefixes().apply(role, text);
            ByteBuffer key = ByteBuffer.wrap(VectorCache.textHash(embedded));
            keys.add(key);
            distinct.putIfAbsent(key, text);
        }
        Map<ByteBuffer, Embedding> known = cache.get(model, distinct.keySet().stream().map(ByteBuffer::array).toList());
        List<ByteBuffer> missing = distinct.keySet().stream().filter(key -> !known.containsKey(key)).toList();
        return new Lookup(keys, distinct, known, missing);
    }

    /** Each text's key in order, the distinct strings by key, the vectors known so far and the keys still missing. */
    private record Lookup(List<ByteBuffer> keys, Map<ByteBuffer, String> distinct, Map<ByteBuffer, Embedding> known,
                          List<ByteBuffer> missing) {

        EmbedRun run(int embedded, int cached) {
            List<Embedding> result = new ArrayList<>(keys.size());
            for (ByteBuffer key : keys) {
                result.add(known.get(key));
            }
            return new EmbedRun(result, embedded, cached);
        }
    }

    /**
     * The vectors of one run, in the order of the texts.
     *
     * @param embedded distinct strings computed by the model in this run
     * @param cached   distinct strings read from the cache
     */
    public record EmbedRun(List<Embedding> embeddings, int embedded, int cached) {
    }
}
