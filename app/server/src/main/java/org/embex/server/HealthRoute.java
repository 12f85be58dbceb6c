package org.embex.server;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.embex.usecase.EmbeddedCorpus;

/**
 * {@code GET /healthz}: up, and what is loaded: each gate with its file, model, threshold and
 * when it was read, and why its file did not read again if it did not ("degraded": the old gate
 * still decides); the corpus search answers over.
 */
final class HealthRoute implements Route {

    private final Gates gates;
    private final Optional<EmbeddedCorpus> corpus;
    private final Instant started = Instant.now();

    HealthRoute(Gates gates, Optional<EmbeddedCorpus> corpus) {
        this.gates = gates;
        this.corpus = corpus;
    }

    @Override
    public Object answer(JsonNode ignored) {
        Map<String, Object> gateStates = new LinkedHashMap<>();
        boolean degraded = false;
        for (var entry : gates.all().entrySet()) {
            Gates.Loaded loaded = entry.getValue();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("file", loaded.file().toString());
            state.put("model", loaded.policy().modelId());
            state.put("threshold", loaded.policy().gate().threshold());
            state.put("anchors", loaded.policy().gate().intents().size());
            state.put("loaded_at", loaded.loadedAt().toString());
            loaded.problem().ifPresent(problem -> state.put("problem", problem));
            degraded |= loaded.problem().isPresent();
            gateStates.put(entry.getKey(), state);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", degraded ? "degraded" : "ok");
        answer.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
        answer.put("gates", gateStates);
        corpus.ifPresent(search -> answer.put("search", Map.of("corpus", search.spec().file().toString(),
                "model", search.model(), "texts", search.size())));
        return answer;
    }
}
