package org.embex.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.desktop.Fixtures;
import org.embex.embed.Embedding;
import org.embex.gate.GateFile;
import org.embex.gate.GateScoring;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.server.EmbexServer;
import org.embex.server.ServerSettings;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.GateStudy;
import org.embex.usecase.TextEmbedding;
import org.embex.usecase.Workspace;

/**
 * The served gate decides as {@code embex gate --config} does, every decision, on CLINC150's
 * validation split (3,100 questions, 100 of them out of scope): the command runs as a child
 * process reading the questions on stdin, the server in this JVM answers them over loopback,
 * eight callers at a time; and the gate's search of its anchors decides as brute force does. Skipped without {@code ../shared/datasets} (a clone has no such folder).
 */
class ServeAgreesWithGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "all-minilm-l6-v2";
    /** Examples per intent for the gate: enough for a real gate, few enough to embed in seconds. */
    private static final int EXAMPLES_PER_INTENT = 20;

    @Test
    void servedDecisionsAreTheCommandsOnClinc150Validation(@TempDir Path dir) throws Exception {
        Path data = Fixtures.root().resolveSibling("shared").resolve("datasets").resolve("clinc150")
                .resolve("clinc150-train-val.json");
        assumeTrue(Files.isRegularFile(data), "CLINC150 is not beside the project (../shared/datasets)");
        JsonNode splits = JSON.readTree(data.toFile());
        // The references are in-scope examples only: out-of-scope ones would become an intent the gate accepts.
        Path examples = csv(dir.resolve("examples.csv"), splits.get("train"), JSON.createArrayNode(), EXAMPLES_PER_INTENT);
        Path queries = csv(dir.resolve("queries.csv"), splits.get("val"), splits.get("oos_val"), Integer.MAX_VALUE);
        List<String> questions = new ArrayList<>();
        splits.get("val").forEach(item -> questions.add(item.get(0).asText()));
        splits.get("oos_val").forEach(item -> questions.add(item.get(0).asText()));

        Path models = Fixtures.models();
        Path cache = dir.resolve("cache.sqlite");
        Path gate = dir.resolve("gate.json");
        try (Workspace workspace = Workspace.open(models, cache)) {
            GatePolicy.export(GateStudy.ofFiles(workspace, MODEL, CorpusSpec.defaults(examples), CorpusSpec.defaults(queries),
                    Optional.of("oos"), "--out-of-scope", GateScoring.NEAREST, ProgressListener.NONE, CancellationToken.none())
                    .report().gate(), gate);
            // The gate in use reads a fraction of its anchors (ProjectedCosineSearch); on the same vectors it
            // decides as the search of every anchor does, to the last bit.
            List<float[]> vectors = TextEmbedding.open(workspace, MODEL).embed(questions).stream().map(Embedding::vector).toList();
            assertThat(GatePolicy.open(workspace, gate).decideAll(vectors)).isEqualTo(GateFile.read(gate).decideAll(vectors));
        }

        List<JsonNode> command = commandDecisions(gate, questions, models, dir);
        List<JsonNode> served = servedDecisions(gate, questions, models, cache);
        assertThat(served).hasSameSizeAs(command).hasSize(3_100);
        double threshold = GateFile.read(gate).threshold();
        int refused = 0;
        int atThreshold = 0;
        for (int i = 0; i < questions.size(); i++) {
            JsonNode expected = command.get(i);
            JsonNode actual = served.get(i);
            boolean accepted = expected.get("decision").asText().equals("accept");
            // The threshold is one query's own score: that query, embedded alone by the command and in a batch
            // by the server, lands within float noise of it on either side. Any other decision must agree.
            if (Math.abs(expected.get("score").asDouble() - threshold) < 1e-6) {
                atThreshold++;
            } else {
                assertThat(actual.get("accepted").asBoolean()).as(questions.get(i)).isEqualTo(accepted);
            }
            assertThat(actual.get("score").asDouble()).as(questions.get(i)).isCloseTo(expected.get("score").asDouble(),
                    Offset.offset(1e-6));
            assertThat(actual.get("intent").asText()).isEqualTo(expected.get("intent").asText());
            refused += accepted ? 0 : 1;
        }
        // A gate that refuses something and accepts most: the comparison is not between two constant answers.
        assertThat(refused).isBetween(50, 1_500);
        assertThat(atThreshold).isLessThanOrEqualTo(2);
    }

    /** Intent-labelled rows as {@code text,label}, at most {@code perIntent} of each in-scope intent. */
    private static Path csv(Path file, JsonNode inScope, JsonNode outOfScope, int perIntent) throws Exception {
        StringBuilder out = new StringBuilder("text,label\n");
        Map<String, Integer> taken = new HashMap<>();
        for (JsonNode item : inScope) {
            if (taken.merge(item.get(1).asText(), 1, Integer::sum) <= perIntent) {
                out.append(quoted(item.get(0).asText())).append(',').append(item.get(1).asText()).append('\n');
            }
        }
        for (JsonNode item : outOfScope) {
            out.append(quoted(item.get(0).asText())).append(",oos\n");
        }
        return Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** {@code embex gate --config GATE --json}, a child process reading one question a line. */
    private static List<JsonNode> commandDecisions(Path gate, List<String> questions, Path models, Path dir) throws Exception {
        Path input = Files.write(dir.resolve("questions.txt"), questions, StandardCharsets.UTF_8);
        Path output = dir.resolve("decisions.jsonl");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Launcher.class.getName(), "gate", "--config", gate.toString(), "--json", "--models-dir", models.toString())
                .redirectInput(input.toFile()).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<JsonNode> decisions = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            decisions.add(JSON.readTree(line));
        }
        return decisions;
    }

    private static List<JsonNode> servedDecisions(Path gate, List<String> questions, Path models, Path cache) throws Exception {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, Optional.empty(), Map.of("clinc", gate), Optional.empty(),
                Optional.empty(), ServerSettings.Limits.DEFAULT, true, Duration.ofMillis(2), 0, 0, false, false);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (Workspace workspace = Workspace.open(models, cache);
             EmbexServer server = EmbexServer.start(workspace, settings, line -> { })) {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int from = 0; from < questions.size(); from += 20) {
                List<String> some = questions.subList(from, Math.min(questions.size(), from + 20));
                String body = JSON.writeValueAsString(Map.of("gate", "clinc", "input", some));
                answers.add(callers.submit(() -> JSON.readTree(http.send(HttpRequest.newBuilder(server.uri().resolve("/v1/gate"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body())));
            }
            List<JsonNode> decisions = new ArrayList<>();
            for (Future<JsonNode> answer : answers) {
                answer.get(120, TimeUnit.SECONDS).get("results").forEach(decisions::add);
            }
            return decisions;
        } finally {
            callers.shutdown();
        }
    }
}
