package org.embex.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.embex.BadInputException;
import org.embex.corpus.TextRow;
import org.embex.gate.GateDecision;
import org.embex.gate.GateFile;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.TextEmbedding;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/** A real server on loopback, real models and a real gate file, called over real HTTP. */
class ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Workspace workspace;
    private static Path gate;
    private static List<String> sampleTexts;
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private EmbexServer server;

    @BeforeAll
    static void setUp() {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
        gate = Fixtures.sampleGate(workspace, Fixtures.temp().resolve("gate.json"));
        sampleTexts = CorpusSpec.defaults(Fixtures.sample()).read().rows().stream().map(TextRow::text).toList();
    }

    @AfterAll
    static void tearDown() {
        workspace.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ServerSettings settings(Map<String, Path> gates, Optional<String> key, ServerSettings.Limits limits,
                                           boolean batching, int queryCache) {
        return new ServerSettings("127.0.0.1", 0, key, gates, Optional.of(Fixtures.sample()), Optional.of(Fixtures.MINILM),
                limits, batching, Duration.ofMillis(2), 0, queryCache, false, false);
    }

    private EmbexServer start(ServerSettings settings) {
        server = EmbexServer.start(workspace, settings, log::add);
        return server;
    }

    private EmbexServer start() {
        return start(settings(Map.of("telecom", gate), Optional.empty(), ServerSettings.Limits.DEFAULT, true, 0));
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void gateDecisionsAreTheCommandsDecisions() throws Exception {
        start();
        GatePolicy local = GatePolicy.open(workspace, gate);
        // Many callers at once, a few texts each: the answers must not depend on which texts shared a model run.
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int from = 0; from < sampleTexts.size(); from += 3) {
            List<String> texts = sampleTexts.subList(from, Math.min(sampleTexts.size(), from + 3));
            answers.add(callers.submit(() -> json(post("/v1/gate", body(Map.of("input", texts))))));
        }
        int checked = 0;
        for (int a = 0; a < answers.size(); a++) {
            JsonNode answer = answers.get(a).get(60, TimeUnit.SECONDS);
            assertThat(answer.get("gate").asText()).isEqualTo("telecom");
            for (JsonNode result : answer.get("results")) {
                GateDecision expected = local.decide(sampleTexts.get(checked));
                assertThat(result.get("accepted").asBoolean()).as(sampleTexts.get(checked)).isEqualTo(expected.accepted());
                assertThat(result.get("decision").asText()).isEqualTo(expected.accepted() ? "accept" : "refuse");
                assertThat(result.get("score").asDouble()).isCloseTo(expected.score(), org.assertj.core.data.Offset.offset(1e-6));
                assertThat(result.get("intent").asText()).isEqualTo(expected.intent());
                assertThat(result.get("example").asText()).isEqualTo(expected.example()).isNotEmpty();
                checked++;
            }
        }
        callers.shutdown();
        assertThat(checked).isEqualTo(sampleTexts.size());
        assertThat(histogram(get("/metrics").body(), "embex_batch_texts")).as("some runs held texts of several requests")
                .isLessThan(sampleTexts.size());
    }

    /** How many model runs the metrics count. */
    private static long histogram(String metrics, String name) {
        Matcher count = Pattern.compile("(?m)^" + name + "_count (\\d+)$").matcher(metrics);
        assertThat(count.find()).as(name + "_count in " + metrics).isTrue();
        return Long.parseLong(count.group(1));
    }

    @Test
    void servedEmbeddingsAreTheLocalOnesInBothEncodings() throws Exception {
        start();
        List<String> texts = sampleTexts.subList(0, 20);
        JsonNode floats = json(post("/v1/embeddings", body(Map.of("input", texts, "model", Fixtures.MINILM))));
        JsonNode encoded = json(post("/v1/embeddings", body(Map.of("input", texts, "model", Fixtures.MINILM,
                "encoding_format", "base64"))));
        assertThat(floats.get("object").asText()).isEqualTo("list");
        assertThat(floats.get("model").asText()).isEqualTo(Fixtures.MINILM);
        TextEmbedding local = TextEmbedding.open(workspace, Fixtures.MINILM);
        long tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            var alone = local.embed(texts.get(i));
            tokens += alone.tokens();
            JsonNode item = floats.get("data").get(i);
            assertThat(item.get("index").asInt()).isEqualTo(i);
            float[] served = new float[item.get("embedding").size()];
            for (int d = 0; d < served.length; d++) {
                served[d] = (float) item.get("embedding").get(d).asDouble();
            }
            assertThat(Metric.cosine(served, alone.vector())).isGreaterThanOrEqualTo(0.999999);
            byte[] bytes = Base64.getDecoder().decode(encoded.get("data").get(i).get("embedding").asText());
            float[] decoded = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(decoded);
            assertThat(decoded).containsExactly(served);
        }
        assertThat(floats.get("usage").get("prompt_tokens").asLong()).isEqualTo(tokens);
    }

    @Test
    void aQuantizedModelEmbedsEachTextAloneEvenUnderConcurrentLoad() throws Exception {
        start();
        TextEmbedding local = TextEmbedding.open(workspace, Fixtures.MINILM_Q);
        List<String> texts = sampleTexts.subList(100, 132);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 4) {
            List<String> four = texts.subList(from, from + 4);
            answers.add(callers.submit(() -> json(post("/v1/embeddings", body(Map.of("input", four, "model", Fixtures.MINILM_Q))))));
        }
        for (int a = 0; a < answers.size(); a++) {
            JsonNode data = answers.get(a).get(60, TimeUnit.SECONDS).get("data");
            for (int i = 0; i < 4; i++) {
                float[] alone = local.embed(texts.get(a * 4 + i)).vector();
                // Exactly the vector of the text run alone: in a batch of four it would differ (cosine as low as 0.95).
                for (int d = 0; d < alone.length; d++) {
                    assertThat((float) data.get(i).get("embedding").get(d).asDouble()).isEqualTo(alone[d]);
                }
            }
        }
        callers.shutdown();
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("embex_batch_texts_bucket{le=\"1\"} " + histogram(metrics, "embex_batch_texts"));
    }

    @Test
    void withoutBatchingEachRequestRunsOnItsOwn() throws Exception {
        start(settings(Map.of("telecom", gate), Optional.empty(), ServerSettings.Limits.DEFAULT, false, 0));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (String text : sampleTexts.subList(0, 40)) {
            answers.add(callers.submit(() -> post("/v1/gate", body(Map.of("input", text)))));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        callers.shutdown();
        String metrics = get("/metrics").body();
        assertThat(histogram(metrics, "embex_batch_texts")).isEqualTo(40);
        assertThat(metrics).contains("embex_batch_texts_bucket{le=\"1\"} 40");
    }

    @Test
    void repeatedQuestionsAreAnsweredFromTheQueryCache() throws Exception {
        start(settings(Map.of("telecom", gate), Optional.empty(), ServerSettings.Limits.DEFAULT, true, 100));
        String first = post("/v1/gate", body(Map.of("input", "can I use my phone in Spain"))).body();
        String again = post("/v1/gate", body(Map.of("input", "can I use my phone in Spain"))).body();
        assertThat(again).isEqualTo(first);
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("embex_query_cache_hits_total 1").contains("embex_query_cache_misses_total 1");
    }

    @Test
    void searchListsTheNearestTextsOfTheCorpus() throws Exception {
        start();
        JsonNode answer = json(post("/v1/search", body(Map.of("query", "my bill is wrong", "k", 5))));
        JsonNode hits = answer.get("results").get(0).get("hits");
        assertThat(hits).hasSize(5);
        assertThat(hits.get(0).get("rank").asInt()).isEqualTo(1);
        long billing = 0;
        for (JsonNode hit : hits) {
            billing += "billing".equals(hit.get("label").asText()) ? 1 : 0;
        }
        assertThat(billing).isGreaterThanOrEqualTo(4);
        assertThat(hits.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(hits.get(4).get("score").asDouble());
    }

    @Test
    void badRequestsGetOneLineAndTheRightStatusAndTheServerGoesOn() throws Exception {
        start();
        assertError(post("/v1/gate", "{\"input\": [\"ok\", 5]}"), 400, "field 'input[1]' must be a string, is a number");
        assertError(post("/v1/gate", "{bad"), 400, "the body is not valid JSON at line 1, column 2");
        assertError(post("/v1/gate", "[1, 2]"), 400, "the body must be a JSON object, is an array");
        assertError(post("/v1/gate", body(Map.of("text", "hello"))), 400, "field 'input' is missing");
        assertError(post("/v1/gate", body(Map.of("input", "hello", "gate", "billing"))), 404, "no gate 'billing'; gates: telecom");
        assertError(post("/v1/embeddings", body(Map.of("input", "hello", "model", "no-such-model"))), 404, "no-such-model");
        assertError(post("/v1/embeddings", body(Map.of("input", "hello", "model", Fixtures.MINILM, "encoding_format", "int8"))),
                400, "field 'encoding_format' must be float or base64");
        assertError(post("/v1/search", body(Map.of("query", "bill", "k", 0))), 400, "field 'k' must be a whole number from 1 to 100");
        assertError(post("/v1/nothing", "{}"), 404, "no route /v1/nothing");
        assertError(get("/v1/gate"), 405, "/v1/gate answers POST, not GET");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(post("/v1/gate", body(Map.of("input", "hello"))).statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String words) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body().strip()).doesNotContain("\n");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("message").asText()).contains(words);
        assertThat(error.get("type").asText()).isNotBlank();
    }

    @Test
    void limitsAreAnsweredWithTheirStatus() throws Exception {
        start(settings(Map.of("telecom", gate), Optional.empty(), new ServerSettings.Limits(2_000, 3, 50, Duration.ofSeconds(10)),
                true, 0));
        assertError(post("/v1/gate", body(Map.of("input", "x".repeat(3_000)))), 413, "at most 2000 bytes (--max-body)");
        assertError(post("/v1/gate", body(Map.of("input", List.of("a", "b", "c", "d")))), 413,
                "has 4 texts; this server takes at most 3 a request (--max-texts)");
        assertError(post("/v1/gate", body(Map.of("input", List.of("short", "y".repeat(51))))), 413,
                "field 'input[1]' has 51 characters; this server takes at most 50 a text (--max-chars)");
        assertThat(post("/v1/gate", body(Map.of("input", List.of("a", "b", "c")))).statusCode()).isEqualTo(200);
    }

    @Test
    void anAnswerLateBeyondTheTimeoutIs503() throws Exception {
        start(settings(Map.of("telecom", gate), Optional.empty(), new ServerSettings.Limits(1 << 20, 256, 8192,
                Duration.ofMillis(1)), true, 0));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            many.add(sampleTexts.get(i) + " " + sampleTexts.get(i + 1));
        }
        assertError(post("/v1/gate", body(Map.of("input", many))), 503, "no answer within 1 ms (--timeout)");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyIsNeededBeyondLoopbackAndEveryRequestCarriesIt() throws Exception {
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 0, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                ServerSettings.Limits.DEFAULT, true, Duration.ofMillis(2), 0, 0, false, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("give an API key");
        server = EmbexServer.start(workspace, new ServerSettings("0.0.0.0", 0, Optional.of("s3cret"), Map.of("telecom", gate),
                Optional.empty(), Optional.empty(), ServerSettings.Limits.DEFAULT, true, Duration.ofMillis(2), 0, 0, false, false),
                log::add);
        URI loopback = URI.create("http://127.0.0.1:" + server.uri().getPort() + "/v1/gate");
        String question = body(Map.of("input", "roaming in Spain"));
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(loopback).POST(HttpRequest.BodyPublishers.ofString(question))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertError(none, 401, "send the header Authorization: Bearer KEY");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(loopback).header("Authorization", "Bearer guess")
                .POST(HttpRequest.BodyPublishers.ofString(question)).build(), HttpResponse.BodyHandlers.ofString());
        assertError(wrong, 401, "wrong API key");
        HttpResponse<String> right = HTTP.send(HttpRequest.newBuilder(loopback).header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString(question)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void aChangedGateFileIsReadAgainAndABrokenOneKeepsTheGateInForce() throws Exception {
        Path live = Fixtures.temp().resolve("live.json");
        Files.copy(gate, live);
        start(settings(Map.of("live", live), Optional.empty(), ServerSettings.Limits.DEFAULT, true, 0));
        String question = body(Map.of("input", "can I use my phone in Spain"));
        assertThat(json(post("/v1/gate", question)).get("results").get(0).get("accepted").asBoolean()).isTrue();

        // The workbench exports a stricter threshold: within the watch interval it decides.
        Path stricter = Fixtures.temp().resolve("stricter.json");
        GatePolicy.export(GateFile.read(gate).withThreshold(0.99), stricter);
        Files.move(stricter, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        waitFor(() -> json(get("/healthz")).get("gates").get("live").get("threshold").asDouble() == 0.99);
        JsonNode strict = json(post("/v1/gate", question));
        assertThat(strict.get("threshold").asDouble()).isEqualTo(0.99);
        assertThat(strict.get("results").get(0).get("accepted").asBoolean()).isFalse();

        Files.writeString(live, "{\"embex_gate\": 1, \"model\": \"all-minilm-l6-v2\"");
        waitFor(() -> json(get("/healthz")).get("status").asText().equals("degraded"));
        JsonNode health = json(get("/healthz"));
        assertThat(health.get("gates").get("live").get("problem").asText()).contains(live.toString()).contains("not valid JSON");
        assertThat(json(post("/v1/gate", question)).get("threshold").asDouble()).isEqualTo(0.99);
        assertThat(log).anyMatch(line -> line.contains("kept the gate in force"));
        assertThat(get("/metrics").body()).contains("embex_gate_reloads_total{outcome=\"ok\"} 1")
                .contains("embex_gate_reloads_total{outcome=\"failed\"} 1");
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.holds()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aStopAnswersTheRequestsInFlightAndAcceptsNoMore() throws Exception {
        start();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(sampleTexts.get(i) + " " + sampleTexts.get(i + 100) + " " + sampleTexts.get(i + 200));
        }
        URI address = server.uri();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/v1/embeddings", body(Map.of("input", many, "model", Fixtures.MINILM)));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // The request is accepted and its texts are in the model when the stop comes.
        waitFor(() -> server.metrics().inFlight() == 1);
        Thread.sleep(50);
        server.close();
        server = null;
        HttpResponse<String> answered = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).get("data")).hasSize(200);
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(address.resolve("/healthz")).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
}
