package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("model")
class CommandsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    @Test
    void noSubcommandPrintsUsage() {
        Run run = Run.of();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: embex", "similarity", "eval");
    }

    @Test
    void modelsListsTheCatalogueAsJson() {
        Run run = Run.of("models", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode models = run.json().get("models");
        assertThat(models).hasSize(8);
        JsonNode minilm = models.get(0);
        assertThat(minilm.get("id").asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(minilm.get("dims").asInt()).isEqualTo(384);
        assertThat(minilm.get("pooling").asText()).isEqualTo("mean");
        assertThat(minilm.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(minilm.get("language").asText()).isEqualTo("en");
        assertThat(minilm.get("quantized").asBoolean()).isFalse();
        assertThat(minilm.get("installed").asBoolean()).isTrue();
    }

    @Test
    void modelsSaysWhereAnEndpointModelRunsAndShowsNoPoolingOrCutOfItsOwn(@TempDir Path dir) throws IOException {
        Path remote = Files.createDirectories(dir.resolve("product-embedder"));
        Files.writeString(remote.resolve("model.json"), "{\"id\": \"product-embedder\", \"dims\": 1536, \"endpoint\": "
                + "{\"url\": \"https://api.example.com/v1\", \"model\": \"text-embedding-3-small\", \"api_key_env\": \"K\"}}");
        Run table = Run.of("models", "--models-dir", dir.toString());
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).containsPattern("product-embedder +1536 - +- +multi +no +yes +https://api.example.com");
        JsonNode listed = Run.of("models", "--models-dir", dir.toString(), "--json").json().get("models").get(0);
        assertThat(listed.get("pooling").isNull()).isTrue();
        assertThat(listed.get("endpoint").get("url").asText()).isEqualTo("https://api.example.com/v1");
        assertThat(listed.get("endpoint").get("api_key_env").asText()).isEqualTo("K");
        assertThat(listed.get("endpoint").get("parallel").asInt()).isEqualTo(2);
    }

    @Test
    void similarityGivesAllThreeMetricsThatAgreeForUnitVectors() {
        Run run = Run.of("similarity", "-m", "all-minilm-l6-v2", "my bill is too high", "why was I charged so much?", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode result = run.json();
        double cosine = result.get("cosine").asDouble();
        assertThat(cosine).isBetween(0.3, 0.99);
        assertThat(result.get("dot").asDouble()).isCloseTo(cosine, within(1e-5));
        assertThat(result.get("l2").asDouble()).isCloseTo(Math.sqrt(2 - 2 * cosine), within(1e-4));
        assertThat(result.get("texts").get(0).get("unknown_token_share").asDouble()).isZero();
    }

    @Test
    void similarityShowsThatMiniLmCannotReadChinese() {
        Run run = Run.of("similarity", "-m", "all-minilm-l6-v2", "天氣熱", "今天好曬");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: all-minilm-l6-v2 cannot read");
        JsonNode json = Run.of("similarity", "-m", "all-minilm-l6-v2", "天氣熱", "今天好曬", "--json").json();
        assertThat(json.get("texts").get(1).get("unknown_token_share").asDouble()).isGreaterThan(0.5);
        JsonNode zh = Run.of("similarity", "-m", "bge-small-zh-v1.5", "天氣熱", "今天好曬", "--json").json();
        assertThat(zh.get("texts").get(1).get("unknown_token_share").asDouble()).isZero();
        assertThat(zh.get("cosine").asDouble()).isLessThan(json.get("cosine").asDouble());
    }

    @Test
    void embedWritesOneFloat32RowPerLine() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "text,label\nhello,a\n\"quoted, with a comma\",b\nroaming in Spain,c\n");
        Path output = dir.resolve("out.npy");
        Run run = Run.of("embed", input.toString(), "-m", "all-minilm-l6-v2", "-o", output.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("texts").asInt()).isEqualTo(3);
        assertThat(result.get("model").asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(result.get("truncated").asInt()).isZero();
        byte[] bytes = Files.readAllBytes(output);
        int dataStart = 10 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(8);
        assertThat(new String(bytes, 10, dataStart - 10)).contains("'shape': (3, 384)");
        assertThat(bytes.length - dataStart).isEqualTo(3 * 384 * 4);
    }

    @Test
    void secondEmbedOfTheSameFileComesFromTheCache() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"text\": \"first\"}\n{\"text\": \"second\"}\n{\"text\": \"first\"}\n");
        Path cache = dir.resolve("cache.sqlite");
        JsonNode cold = Run.of("embed", input.toString(), "-m", "all-minilm-l6-v2", "--cache", cache.toString(), "--json").json();
        assertThat(cold.get("texts").asInt()).isEqualTo(3);
        assertThat(cold.get("embedded").asInt()).isEqualTo(2);
        assertThat(cold.get("cached").asInt()).isZero();
        for (String key : List.of("model", "seconds", "texts_per_second", "truncated", "unknown_token_share")) {
            assertThat(cold.has(key)).as(key).isTrue();
        }
        JsonNode warm = Run.of("embed", input.toString(), "-m", "all-minilm-l6-v2", "--cache", cache.toString(), "--json").json();
        assertThat(warm.get("embedded").asInt()).isZero();
        assertThat(warm.get("cached").asInt()).isEqualTo(2);

        JsonNode stats = Run.of("cache", "stats", "--cache", cache.toString(), "--json").json();
        assertThat(stats.get("vectors").asInt()).isEqualTo(2);
        assertThat(stats.get("corpora").asInt()).isEqualTo(1);
        assertThat(stats.get("models").get(0).get("model").asText()).isEqualTo("all-minilm-l6-v2");
    }

    @Test
    void pruneKeepsInstalledModelsAndVacuumKeepsTheFileSound() throws IOException {
        Path input = Files.writeString(dir.resolve("in.txt"), "one\ntwo\n");
        Path cache = dir.resolve("cache.sqlite");
        Run.of("embed", input.toString(), "-m", "all-minilm-l6-v2", "--cache", cache.toString(), "--json");
        JsonNode pruned = Run.of("cache", "prune", "--cache", cache.toString(), "--models-dir", Run.modelsDir().toString(),
                "--json").json();
        assertThat(pruned.get("deleted").asInt()).isZero();
        assertThat(pruned.get("vectors").asInt()).isEqualTo(2);
        // A catalogue in which only bge-small-zh is installed: MiniLM's vectors go.
        Path zhOnly = Files.createDirectories(dir.resolve("zh-only").resolve("bge-small-zh-v1.5"));
        for (String file : new String[] {"model.json", "model.onnx", "tokenizer.json"}) {
            Files.createSymbolicLink(zhOnly.resolve(file), Run.modelsDir().resolve("bge-small-zh-v1.5").resolve(file));
        }
        JsonNode emptied = Run.of("cache", "prune", "--cache", cache.toString(), "--models-dir",
                zhOnly.getParent().toString(), "--json").json();
        assertThat(emptied.get("deleted").asInt()).isEqualTo(2);
        Run vacuum = Run.of("cache", "vacuum", "--cache", cache.toString(), "--json");
        assertThat(vacuum.exitCode()).isZero();
        assertThat(vacuum.json().get("vectors").asInt()).isZero();
    }

    @Test
    void searchFindsTheRowsOfTheRightIntent() {
        Path sample = Run.englishSample();
        Run run = Run.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", "my data allowance ran out, how do I buy more?",
                "-k", "5", "--json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = run.json().get("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("label").asText()).isEqualTo("data_usage");
        assertThat(results.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(results.get(4).get("score").asDouble());
        assertThat(results.get(0).get("id").asText()).startsWith("en-");
    }

    @Test
    void stsCorrelatesCosineWithGoldScores() throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), String.join("\n",
                "sentence1,sentence2,score",
                "A man is playing a guitar.,A man plays the guitar.,5.0",
                "A woman is slicing an onion.,A woman cuts an onion.,4.6",
                "The cat sleeps on the sofa.,A cat is sleeping on a couch.,4.4",
                "Two dogs run in the snow.,Dogs are running through snow.,4.2",
                "A child rides a bike.,A kid is riding a bicycle down the street.,3.8",
                "The market fell sharply today.,Stocks dropped on Monday.,2.9",
                "A man is cooking pasta.,A woman is eating pasta.,2.0",
                "The train is late.,A man is playing a guitar.,0.2",
                "Refund my money now.,Two dogs run in the snow.,0.0",
                "A plane takes off.,She is reading a book in bed.,0.1", ""));
        Run run = Run.of("eval", "sts", pairs.toString(), "-m", "all-minilm-l6-v2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("model").asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(result.get("pairs").asInt()).isEqualTo(10);
        assertThat(result.get("spearman").asDouble()).isBetween(0.80, 1.0);
        assertThat(result.get("pearson").asDouble()).isBetween(0.70, 1.0);
    }

    @Test
    void pairsFindsTheBestThresholdOfEachMetric() throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), String.join("\n",
                "sentence1,sentence2,label",
                "A man is playing a guitar.,A man plays the guitar.,1",
                "A woman is slicing an onion.,A woman cuts an onion.,1",
                "The cat sleeps on the sofa.,A cat is sleeping on a couch.,1",
                "Two dogs run in the snow.,Dogs are running through snow.,1",
                "The train is late.,A man is playing a guitar.,0",
                "Refund my money now.,Two dogs run in the snow.,0",
                "A plane takes off.,She is reading a book in bed.,0",
                "The market fell sharply today.,A cat is sleeping on a couch.,0", ""));
        Run run = Run.of("eval", "pairs", pairs.toString(), "-m", "all-minilm-l6-v2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("pairs").asInt()).isEqualTo(8);
        assertThat(result.get("auroc").asDouble()).isEqualTo(1.0);
        assertThat(result.get("average_precision").asDouble()).isEqualTo(1.0);
        for (String metric : List.of("cosine", "dot", "l2")) {
            assertThat(result.get(metric).get("accuracy").asDouble()).as(metric).isEqualTo(1.0);
            assertThat(result.get(metric).get("f1").asDouble()).as(metric).isEqualTo(1.0);
        }
        double cosineCut = result.get("cosine").get("accuracy_threshold").asDouble();
        double l2Cut = result.get("l2").get("accuracy_threshold").asDouble();
        assertThat(cosineCut).isBetween(0.3, 1.0);
        // unit vectors: a distance cut d matches the cosine cut 1 - d^2/2 on the same pair
        assertThat(1 - l2Cut * l2Cut / 2).isCloseTo(cosineCut, within(1e-4));
    }

    @Test
    void pairsWithAnUnreadableLabelGiveItsLine() throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.tsv"), "a\tb\t1\nc\td\tmaybe\n");
        Run run = Run.of("eval", "pairs", pairs.toString(), "-m", "all-minilm-l6-v2", "--no-header");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("line 2, column 3: label 'maybe' is not one of 1/0");
    }

    @Test
    void stsWithoutHeaderTakesColumnsByPosition() throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.tsv"),
                "3.0\tA man plays.\tA man is playing.\n0.0\tA man plays.\tThe stock market.\n1.5\tA cat.\tA small dog.\n");
        Run run = Run.of("eval", "sts", pairs.toString(), "-m", "all-minilm-l6-v2", "--no-header",
                "--left", "2", "--right", "3", "--score", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("pairs").asInt()).isEqualTo(3);
        assertThat(run.json().get("spearman").asDouble()).isEqualTo(1.0, within(1e-9));
    }
}
