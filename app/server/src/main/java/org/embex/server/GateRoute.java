package org.embex.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.embex.embed.Embedding;
import org.embex.gate.GateDecision;
import org.embex.usecase.GatePolicy;

/**
 * {@code POST /v1/gate}: whether each text is in scope, by the gate named (or the only one): accept
 * or refuse, the score, the nearest intent and example, and the threshold, as
 * {@code embex gate --config} decides.
 */
final class GateRoute implements Route {

    private final Gates gates;
    private final Encoders encoders;
    private final Decisions decisions;
    private final ServerSettings.Limits limits;

    GateRoute(Gates gates, Encoders encoders, Decisions decisions, ServerSettings.Limits limits) {
        this.gates = gates;
        this.encoders = encoders;
        this.decisions = decisions;
        this.limits = limits;
    }

    @Override
    public Object answer(JsonNode body) {
        Optional<String> name = Optional.ofNullable(Texts.string(body, "gate", null));
        List<String> texts = Texts.of(body, "input", limits);
        Gates.Loaded loaded = gates.get(name);
        GatePolicy policy = loaded.policy();
        List<float[]> vectors = encoders.embed(policy.modelId(), texts).stream().map(Embedding::vector).toList();
        List<Map<String, Object>> results = new ArrayList<>();
        for (GateDecision decision : decisions.decide(policy, vectors)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("decision", decision.accepted() ? "accept" : "refuse");
            result.put("accepted", decision.accepted());
            result.put("score", decision.score());
            result.put("intent", decision.intent());
            result.put("example", decision.example().isEmpty() ? null : decision.example());
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("gate", name.orElse(gates.names().get(0)));
        answer.put("model", policy.modelId());
        answer.put("threshold", policy.gate().threshold());
        answer.put("results", results);
        return answer;
    }
}
