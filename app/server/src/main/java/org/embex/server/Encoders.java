package org.embex.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.usecase.TextEmbedding;
import org.embex.usecase.Workspace;

/**
 * The installed models the server embeds with, each opened on first use: texts are looked up in
 * the query cache, the rest embedded (batched across requests for a full-precision model;
 * one text per run for a quantized one, whose vectors depend on the batch).
 */
final class Encoders implements AutoCloseable {

    private record Encoder(TextEmbedding model, Batcher<String, Embedding> batcher) {
    }

    private final Workspace workspace;
    private final ServerSettings settings;
    private final Metrics metrics;
    private final QueryCache cache;
    private final Map<String, Encoder> open = new HashMap<>();

    Encoders(Workspace workspace, ServerSettings settings, Metrics metrics) {
        this.workspace = workspace;
        this.settings = settings;
        this.metrics = metrics;
        this.cache = new QueryCache(settings.queryCache(), metrics);
    }

    /** Opens {@code model} now, so that the first request does not pay for it. */
    void load(String model) {
        encoder(model);
    }

    /** The id the model goes by, for an id or a folder given. */
    String id(String model) {
        return encoder(model).model().descriptor().id();
    }

    /**
     * The texts' vectors with {@code model}, in their order.
     *
     * @throws ApiError 404 for a model that is not installed, 503 when the answer takes longer than the timeout
     */
    List<Embedding> embed(String model, List<String> texts) {
        Encoder encoder = encoder(model);
        String id = encoder.model().descriptor().id();
        Embedding[] result = new Embedding[texts.size()];
        List<String> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            var hit = cache.get(id, texts.get(i));
            if (hit.isPresent()) {
                result[i] = hit.get();
            } else {
                missing.add(texts.get(i));
                where.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> made = compute(encoder, missing);
            for (int k = 0; k < made.size(); k++) {
                result[where.get(k)] = made.get(k);
                cache.put(id, missing.get(k), made.get(k));
            }
        }
        return List.of(result);
    }

    private List<Embedding> compute(Encoder encoder, List<String> texts) {
        if (encoder.batcher() == null) {
            // Each text alone when the vectors depend on the batch; else this request's texts together.
            if (encoder.model().oneTextPerRun() || texts.size() == 1) {
                texts.forEach(ignored -> metrics.batch(1));
                return texts.stream().map(encoder.model()::embed).toList();
            }
            metrics.batch(texts.size());
            return encoder.model().embed(texts);
        }
        return encoder.batcher().answer(texts, settings.limits().timeout());
    }

    private synchronized Encoder encoder(String model) {
        Encoder encoder = open.get(model);
        if (encoder == null) {
            TextEmbedding opened;
            try {
                opened = TextEmbedding.open(workspace, model);
            } catch (BadInputException e) {
                throw ApiError.notFound(e.getMessage());
            }
            boolean batch = settings.batching() && !opened.oneTextPerRun();
            // By default two rounds of full runs over the engine's sessions (64 on two cores), cut where they pad least (embedSpread).
            int most = settings.maxBatch() > 0 ? settings.maxBatch() : opened.servedBatch();
            encoder = new Encoder(opened, batch ? new Batcher<>(opened.descriptor().id(), 2, texts -> texts.size() == 1
                    // One text runs on the model's own session, spread over every core: the lowest latency.
                    ? List.of(opened.embed(texts.get(0))) : opened.embed(texts), settings.batchWindow(), most, metrics::batch)
                    : null);
            open.put(model, encoder);
        }
        return encoder;
    }

    @Override
    public synchronized void close() {
        open.values().stream().map(Encoder::batcher).filter(b -> b != null).forEach(Batcher::close);
        open.clear();
    }
}
