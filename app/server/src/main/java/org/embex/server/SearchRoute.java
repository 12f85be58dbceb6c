package org.embex.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.embex.corpus.TextRow;
import org.embex.embed.Embedding;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Search;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;

/** {@code POST /v1/search}: the texts of the corpus given at start nearest to each query, by cosine. */
final class SearchRoute implements Route {

    private static final int MAX_K = 100;

    private final EmbeddedCorpus corpus;
    private final Encoders encoders;
    private final ServerSettings.Limits limits;

    SearchRoute(EmbeddedCorpus corpus, Encoders encoders, ServerSettings.Limits limits) {
        this.corpus = corpus;
        this.encoders = encoders;
        this.limits = limits;
    }

    @Override
    public Object answer(JsonNode body) {
        List<String> queries = Texts.of(body, "query", limits);
        int k = Texts.integer(body, "k", 10, 1, MAX_K);
        List<Embedding> vectors = encoders.embed(corpus.modelRef(), queries);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            List<Map<String, Object>> hits = new ArrayList<>();
            for (Neighbour neighbour : Search.nearest(corpus, queries.get(q), vectors.get(q), k, Metric.COSINE).neighbours()) {
                TextRow row = corpus.row(neighbour.index());
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("rank", hits.size() + 1);
                hit.put("row", neighbour.index());
                hit.put("id", row.id());
                hit.put("text", row.text());
                hit.put("label", row.label());
                hit.put("score", neighbour.score());
                hits.add(hit);
            }
            results.add(Map.of("hits", hits));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("corpus", corpus.spec().file().getFileName().toString());
        answer.put("model", corpus.model());
        answer.put("results", results);
        return answer;
    }
}
