package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-scope gate on the bundled English customer-service sample, measured, exported and used. */
@Tag("model")
class GateCommandsTest {

    @TempDir
    static Path dir;

    private static Path reference;
    private static Path queries;

    @BeforeAll
    static void splitTheSample() throws IOException {
        Run.installDefaultModels();
        List<String> lines = Files.readAllLines(Run.englishSample());
        StringBuilder ref = new StringBuilder(lines.get(0)).append('\n');
        StringBuilder ask = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            boolean outOfScope = lines.get(i).endsWith(",out_of_scope");
            (i % 2 == 0 && !outOfScope ? ref : ask).append(lines.get(i)).append('\n');
        }
        reference = Files.writeString(dir.resolve("reference.csv"), ref);
        queries = Files.writeString(dir.resolve("queries.csv"), ask);
    }

    @Test
    void gateSeparatesInScopeFromOutOfScopeAndExportsAFilterThatAgrees() throws IOException {
        Path gateFile = dir.resolve("gate.json");
        Run run = Run.of("eval", "gate", "-m", "all-minilm-l6-v2", "--reference", reference.toString(), "--queries",
                queries.toString(), "--oos-label", "out_of_scope", "--export", gateFile.toString(), "--json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("queries").asInt()).isGreaterThan(150);
        assertThat(result.get("in_scope").asInt()).isLessThan(result.get("queries").asInt());
        assertThat(result.get("auroc").asDouble()).isBetween(0.75, 1.0);
        assertThat(result.get("in_scope_accuracy").asDouble()).isBetween(0.60, 1.0);
        assertThat(result.get("oos_rejected_at_tpr95").asDouble() + result.get("fpr_at_tpr95").asDouble())
                .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        double threshold = result.get("threshold_tpr95").asDouble();

        JsonNode exported = new ObjectMapper().readTree(gateFile.toFile());
        assertThat(exported.get("model").asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(exported.get("threshold").asDouble()).isEqualTo(threshold);
        assertThat(exported.get("fingerprint").asText()).hasSize(64);

        Run filtered = withStdin("My bill this month is way higher than it should be\nWhat is a good recipe for pasta?\n",
                () -> Run.of("gate", "--config", gateFile.toString(), "--json"));
        assertThat(filtered.exitCode()).as(filtered.err()).isZero();
        List<JsonNode> decisions = filtered.out().lines().map(GateCommandsTest::parse).toList();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).get("intent").asText()).isEqualTo("billing");
        assertThat(decisions.get(0).get("score").asDouble()).isGreaterThan(decisions.get(1).get("score").asDouble());
        for (JsonNode decision : decisions) {
            boolean accepted = decision.get("score").asDouble() >= threshold;
            assertThat(decision.get("decision").asText()).isEqualTo(accepted ? "accept" : "reject");
        }
        assertThat(decisions.get(0).get("decision").asText()).isEqualTo("accept");
        assertThat(decisions.get(1).get("decision").asText()).isEqualTo("reject");
    }

    @Test
    void centroidScoringWorksToo() {
        Run run = Run.of("eval", "gate", "-m", "all-minilm-l6-v2", "--reference", reference.toString(), "--queries",
                queries.toString(), "--oos-label", "out_of_scope", "--score", "centroid", "--json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("scoring").asText()).isEqualTo("centroid");
        assertThat(run.json().get("auroc").asDouble()).isBetween(0.75, 1.0);
    }

    @Test
    void classifyGivesEveryMethodsAccuracyAndWritesTheConfusion() throws IOException {
        Path inScopeQueries = Files.writeString(dir.resolve("test.csv"), Files.readAllLines(queries).stream()
                .filter(line -> !line.endsWith(",out_of_scope")).reduce("", (a, b) -> a + b + "\n"));
        Path confusion = dir.resolve("confusion.csv");
        Run run = Run.of("eval", "classify", "-m", "all-minilm-l6-v2", "--train", reference.toString(), "--test",
                inScopeQueries.toString(), "--confusion", confusion.toString(), "--json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        for (String method : List.of("centroid", "knn", "logreg")) {
            assertThat(result.get("accuracy_" + method).asDouble()).as(method).isBetween(0.60, 1.0);
            assertThat(result.get("macro_f1_" + method).asDouble()).as(method).isBetween(0.50, 1.0);
        }
        List<String> rows = Files.readAllLines(confusion);
        assertThat(rows.get(0)).isEqualTo("method,gold,predicted,count");
        int counted = rows.stream().skip(1).filter(row -> row.startsWith("knn,"))
                .mapToInt(row -> Integer.parseInt(row.substring(row.lastIndexOf(',') + 1))).sum();
        assertThat(counted).isEqualTo(result.get("test").asInt());
    }

    @Test
    void clusterTheSampleAgainstItsLabels() throws IOException {
        Path sample = Run.englishSample();
        Path out = dir.resolve("clusters.csv");
        Run run = Run.of("cluster", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "kmeans", "--k", "9",
                "-o", out.toString(), "--json", "--quiet", "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("clusters").asInt()).isEqualTo(9);
        assertThat(result.get("ari").asDouble()).isBetween(0.2, 1.0);
        assertThat(result.get("nmi").asDouble()).isBetween(0.3, 1.0);
        assertThat(result.get("silhouette").asDouble()).isBetween(0.0, 1.0);
        int sizes = 0;
        for (JsonNode topic : result.get("topics")) {
            sizes += topic.get("size").asInt();
            assertThat(topic.get("words")).isNotEmpty();
        }
        assertThat(sizes).isEqualTo(result.get("texts").asInt());
        assertThat(Files.readAllLines(out)).first().isEqualTo("id,label,cluster,text");

        Run hdbscan = Run.of("cluster", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "hdbscan",
                "--min-cluster-size", "8", "--json", "--quiet", "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(hdbscan.exitCode()).as(hdbscan.err()).isZero();
        // Nothing on stderr but the warning that most rows are noise (CorpusWarningsTest holds its words).
        assertThat(hdbscan.err().lines()).singleElement().asString().startsWith("warning: ").contains("are noise");
        assertThat(hdbscan.json().get("clusters").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void chineseTopicsAreWordsNotCharacters() {
        Path sample = Run.modelsDir().getParent().resolve("samples/telecom-support-zh.csv");
        Run run = Run.of("cluster", sample.toString(), "-m", "bge-small-zh-v1.5", "--k", "9", "--json", "--quiet",
                "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        long multiCharacter = 0;
        long total = 0;
        java.util.Set<String> words = new java.util.HashSet<>();
        for (JsonNode topic : run.json().get("topics")) {
            for (JsonNode word : topic.get("words")) {
                total++;
                words.add(word.asText());
                multiCharacter += word.asText().codePointCount(0, word.asText().length()) > 1 ? 1 : 0;
            }
        }
        // Cut into characters, none would be longer than one; segmented, the intents' own words show.
        assertThat(multiCharacter).isGreaterThan(total / 3);
        assertThat(words).contains("漫游", "信号", "流量");
    }

    @Test
    void projectMapsEveryRowAndReportsHowWellNeighbourhoodsSurvive() throws IOException {
        Path sample = Run.englishSample();
        Path coords = dir.resolve("coords.csv");
        Run umap = Run.of("project", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "umap", "-o", coords.toString(),
                "--json", "--quiet", "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(umap.exitCode()).as(umap.err()).isZero();
        JsonNode result = umap.json();
        assertThat(result.get("points").asInt()).isEqualTo(402);
        assertThat(result.get("trustworthiness").asDouble()).isGreaterThan(0.85);
        assertThat(result.get("knn_recall").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.get("cached").asBoolean()).isFalse();
        List<String> rows = Files.readAllLines(coords);
        assertThat(rows).hasSize(403).first().isEqualTo("id,x,y");
        Path again = dir.resolve("again.csv");
        Run rerun = Run.of("project", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "umap", "-o", again.toString(),
                "--json", "--quiet", "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(rerun.json().get("cached").asBoolean()).isTrue();
        assertThat(Files.readAllLines(again)).isEqualTo(rows);
        assertThat(rows.get(1)).startsWith("en-0001,");

        Run pca = Run.of("project", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "pca", "--json", "--quiet",
                "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(pca.exitCode()).as(pca.err()).isZero();
        assertThat(pca.json().get("trustworthiness").asDouble()).isLessThan(result.get("trustworthiness").asDouble());

        Run tsne = Run.of("project", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "tsne", "--json", "--quiet",
                "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(tsne.exitCode()).as(tsne.err()).isZero();
        assertThat(tsne.json().get("trustworthiness").asDouble()).isGreaterThan(0.85);
        assertThat(tsne.json().get("knn_recall").asDouble()).as("402 rows: the exact graph").isEqualTo(1.0);

        Run unknown = Run.of("project", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "mds", "--quiet");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("expected umap, tsne or pca");
    }

    @Test
    void queriesWithoutOutOfScopeRowsAreABadInput() {
        Run run = Run.of("eval", "gate", "-m", "all-minilm-l6-v2", "--reference", reference.toString(), "--queries",
                reference.toString(), "--oos-label", "out_of_scope", "--quiet");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no row is labelled 'out_of_scope'").contains("its labels are cancel_contract")
                .contains("--out-of-scope LABEL");
    }

    private static JsonNode parse(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static Run withStdin(String input, java.util.function.Supplier<Run> action) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return action.get();
        } finally {
            System.setIn(original);
        }
    }
}
