package org.embex.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;
import org.embex.EmbexException;
import org.embex.embed.Embedding;
import org.embex.model.ContentHash;
import org.embex.model.DescriptorReader;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.vectors.Metric;

class EndpointEmbedderTest {

    /** Quick retries, so that a test of five tries does not wait out a real backoff. */
    private static final RetryPolicy QUICK = new RetryPolicy(Duration.ofMillis(5), Duration.ofSeconds(5));

    @TempDir
    Path temp;
    private FakeEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = new FakeEndpoint(4);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private EndpointEmbedder open(String extra, Map<String, String> environment) throws IOException {
        return EndpointEmbedder.open(DescriptorReader.read(endpoint.modelFolder(temp, "remote", extra)), environment, QUICK);
    }

    private EndpointEmbedder open(String extra) throws IOException {
        return open(extra, Map.of());
    }

    @Test
    void textsGoOutInBatchesWithTheirRolesPrefixAndComeBackInOrderAndUnitLength() throws IOException {
        EndpointEmbedder model = open(", \"batch\": 3");
        List<String> texts = List.of("a", "b", "c", "d", "e", "f", "g");
        List<Long> heard = new ArrayList<>();
        List<Embedding> vectors = model.embed(texts, Role.QUERY, (done, total) -> heard.add(done));
        assertThat(endpoint.requests()).hasSize(3);
        assertThat(endpoint.requests()).extracting(request -> request.get("input").toString())
                .containsExactlyInAnyOrder("[\"query: a\",\"query: b\",\"query: c\"]", "[\"query: d\",\"query: e\",\"query: f\"]",
                        "[\"query: g\"]");
        assertThat(endpoint.requests()).allSatisfy(request -> assertThat(request.get("model").asText()).isEqualTo("remote-remote"));
        assertThat(heard).containsExactly(3L, 6L, 7L);
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = endpoint.vectorOf("query: " + texts.get(i));
            float[] got = vectors.get(i).vector();
            assertThat(Metric.dot(got, got)).isCloseTo(1.0, within(1e-6));
            assertThat(Metric.cosine(got, expected)).as("text %d", i).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void requestsGoOutSeveralAtOnceAndTheAnswersStayInOrder() throws IOException {
        EndpointEmbedder model = open(", \"batch\": 2, \"parallel\": 3");
        for (int i = 0; i < 6; i++) {
            endpoint.thenSlow(500);
        }
        List<String> texts = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        List<Embedding> vectors = model.embed(texts, Role.TEXT);
        assertThat(endpoint.mostInFlight()).isEqualTo(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Metric.cosine(vectors.get(i).vector(), endpoint.vectorOf(texts.get(i)))).as("text %d", i)
                    .isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void recordedAnswersInThePublishedFormatAreReadAsNumbersAndAsBase64() throws IOException {
        EndpointEmbedder model = open("");
        float[][] expected = {{0.5f, -0.25f, 0.125f, 1.0f}, {-1.5f, 2.0f, 0.0f, 0.75f}, {0.01f, 0.02f, -0.03f, 0.04f}};
        for (String recorded : List.of("openai-float.json", "openai-base64.json")) {
            endpoint.then(200, Map.of(), resource(recorded));
            List<Embedding> vectors = model.embed(List.of("x", "y", "z"), Role.TEXT);
            for (int i = 0; i < 3; i++) {
                assertThat(Metric.cosine(vectors.get(i).vector(), expected[i])).as("%s, vector %d", recorded, i)
                        .isCloseTo(1.0, within(1e-7));
            }
        }
    }

    @Test
    void aBusyEndpointIsAskedAgainAfterTheWaitItNames() throws IOException {
        EndpointEmbedder model = open("");
        endpoint.then(429, Map.of("Retry-After", "1"), "{\"error\": {\"message\": \"slow down\"}}");
        long start = System.nanoTime();
        model.embed(List.of("hello"), Role.TEXT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(endpoint.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreTriedAgainAndTheLastOneIsSaidInOneLine() throws IOException {
        EndpointEmbedder model = open(", \"attempts\": 3");
        endpoint.then(500, Map.of(), "oops");
        endpoint.then(503, Map.of(), "{\"error\": {\"message\": \"warming up\"}}");
        assertThat(model.embed(List.of("hello"), Role.TEXT)).hasSize(1);
        assertThat(endpoint.requests()).hasSize(3);

        for (int i = 0; i < 3; i++) {
            endpoint.then(502, Map.of(), "{\"error\": {\"message\": \"bad\\ngateway\"}}");
        }
        assertThatThrownBy(() -> model.embed(List.of("hello"), Role.TEXT)).isInstanceOf(EmbexException.class)
                .hasMessage("endpoint " + endpoint.baseUrl() + "/embeddings answered 502: bad gateway, 3 tries");
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeFailsAfterItsTries() throws IOException {
        EndpointEmbedder model = open(", \"timeout_seconds\": 1, \"attempts\": 2");
        endpoint.thenSlow(2500);
        endpoint.thenSlow(2500);
        assertThatThrownBy(() -> model.embed(List.of("hello"), Role.TEXT)).isInstanceOf(EmbexException.class)
                .hasMessageContaining("gave no answer within 1 s (timeout_seconds in ").hasMessageEndingWith(", 2 tries");
    }

    @Test
    void answersOfTheWrongShapeOrSizeAreNamed() throws IOException {
        EndpointEmbedder model = open(", \"attempts\": 1");
        endpoint.then(200, Map.of(), "{\"data\": [{\"index\": 0, \"embedding\": [1, 2");
        assertThatThrownBy(() -> model.embed(List.of("x"), Role.TEXT)).isInstanceOf(EmbexException.class)
                .hasMessageStartingWith("endpoint " + endpoint.baseUrl() + "/embeddings answered in a shape that is not the "
                        + "OpenAI embeddings format: not JSON (line 1, column");
        endpoint.then(200, Map.of(), "{\"data\": [{\"index\": 0, \"embedding\": [1, 2, 3]}]}");
        assertThatThrownBy(() -> model.embed(List.of("x"), Role.TEXT)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("gave vectors of 3 numbers, but ").hasMessageEndingWith("model.json says dims 4");
        endpoint.then(200, Map.of(), "{\"data\": [{\"index\": 0, \"embedding\": [1, 2, 3, 4]}]}");
        assertThatThrownBy(() -> model.embed(List.of("x", "y"), Role.TEXT)).hasMessageEndingWith("1 vectors for 2 texts");
        endpoint.then(200, Map.of(), "{\"results\": []}");
        assertThatThrownBy(() -> model.embed(List.of("x"), Role.TEXT)).hasMessageEndingWith("no 'data' list");
    }

    @Test
    void refusalsSayWhatToFix() throws IOException {
        EndpointEmbedder keyed = open(", \"api_key_env\": \"EMBEX_TEST_KEY\"", Map.of("EMBEX_TEST_KEY", "s3cret"));
        keyed.embed(List.of("x"), Role.TEXT);
        assertThat(endpoint.authorizations()).containsExactly("Bearer s3cret");
        endpoint.then(401, Map.of(), "{\"error\": {\"message\": \"Incorrect API key provided\"}}");
        assertThatThrownBy(() -> keyed.embed(List.of("x"), Role.TEXT)).isInstanceOf(BadInputException.class)
                .hasMessage("endpoint " + endpoint.baseUrl() + "/embeddings answered 401: Incorrect API key provided; "
                        + "check the API key in $EMBEX_TEST_KEY");
        endpoint.then(404, Map.of(), "{\"error\": {\"message\": \"no such model\"}}");
        assertThatThrownBy(() -> keyed.embed(List.of("x"), Role.TEXT)).hasMessageContaining("answered 404: no such model; "
                + "check the url and the model name 'remote-remote' in ");
        assertThatThrownBy(() -> open(", \"api_key_env\": \"EMBEX_TEST_KEY\"", Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("model remote takes its API key from the environment variable EMBEX_TEST_KEY, which is not set");
    }

    @Test
    void aKeyWrittenIntoModelJsonIsRefused() throws IOException {
        Path folder = endpoint.modelFolder(temp, "leaky", ", \"api_key\": \"sk-123\"");
        assertThatThrownBy(() -> DescriptorReader.read(folder)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("an API key does not belong in model.json");
    }

    @Test
    void theFingerprintFollowsTheModelBehindTheNameNotTheName() throws IOException {
        ModelFolder folder = DescriptorReader.read(endpoint.modelFolder(temp, "remote", ""));
        String before = EndpointEmbedder.open(folder, Map.of(), QUICK).fingerprint(ContentHash.UNCACHED).hex();
        assertThat(EndpointEmbedder.open(folder, Map.of(), QUICK).fingerprint(ContentHash.UNCACHED).hex()).isEqualTo(before);
        endpoint.changeModel(99);
        assertThat(EndpointEmbedder.open(folder, Map.of(), QUICK).fingerprint(ContentHash.UNCACHED).hex()).isNotEqualTo(before);
        assertThat(endpoint.requests()).allSatisfy(request ->
                assertThat(request.get("input").get(0).asText()).isEqualTo(EndpointEmbedder.PROBE));
    }

    private static String resource(String name) throws IOException {
        try (var in = EndpointEmbedderTest.class.getResourceAsStream("/endpoint/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
