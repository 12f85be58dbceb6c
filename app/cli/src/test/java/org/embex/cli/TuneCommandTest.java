package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("model")
class TuneCommandTest {

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    @Test
    void tuneIndexMeasuresEverySettingOfBothIndexesOnTheSample() {
        Run run = Run.of("tune", "index", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--queries", "60", "--json", "--quiet",
                "--cache", Run.TEST_CACHE.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("rows").asInt()).isEqualTo(402);
        // At most a tenth of the rows is held out as queries: 40 of 402.
        assertThat(result.get("queries").asInt()).isEqualTo(40);
        List<String> indexes = new ArrayList<>();
        int front = 0;
        for (JsonNode setting : result.get("settings")) {
            indexes.add(setting.get("index").asText());
            assertThat(setting.get("recall").asDouble()).isBetween(0.0, 1.0);
            assertThat(setting.get("query_ms_p50").asDouble()).isPositive();
            front += setting.get("pareto").asBoolean() ? 1 : 0;
        }
        // Exact search, 3 degrees × 3 tree counts × 5 widths of embex's graph, 5 of Lucene's M and beam × 5 widths.
        assertThat(indexes).hasSize(1 + 45 + 25);
        assertThat(indexes.get(0)).isEqualTo("exact");
        assertThat(indexes).contains("embex graph", "Lucene HNSW");
        assertThat(front).isPositive();
        assertThat(result.get("settings").get(0).get("recall").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aKeptSettingIsWhatLaterSearchesOfThatCorpusUseUntilForgotten(@TempDir Path dir) {
        String cacheFile = dir.resolve("vectors.sqlite").toString();
        String query = "my data allowance ran out, how do I buy more?";
        Run kept = Run.of("tune", "index", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--keep", "graph degree=8 trees=2 ef=32",
                "--json", "--quiet", "--cache", cacheFile);
        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(kept.json().get("kept").asText()).isEqualTo("graph degree=8 trees=2 ef=32");

        // 402 rows are searched exactly by their size; kept, through the graph, with the exact answer's first hits.
        JsonNode graph = Run.of("search", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "-q", query, "--json", "--quiet",
                "--cache", cacheFile).json();
        assertThat(graph.get("search").asText()).isEqualTo("graph");
        assertThat(graph.get("kept").asText()).isEqualTo("graph degree=8 trees=2 ef=32");
        JsonNode exact = Run.of("search", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "-q", query, "--exact", "--json", "--quiet",
                "--cache", cacheFile).json();
        assertThat(exact.get("search").asText()).as("--exact on the line wins").isEqualTo("exact");
        assertThat(graph.get("results").get(0).get("id").asText()).isEqualTo(exact.get("results").get(0).get("id").asText());
        // A row's neighbours (--like) are searched as the query's are: through the kept graph, unless --exact.
        JsonNode like = Run.of("search", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--like", "en-0002", "--json", "--quiet",
                "--cache", cacheFile).json();
        assertThat(like.get("search").asText()).isEqualTo("graph");
        JsonNode likeExact = Run.of("search", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--like", "en-0002", "--exact", "--json",
                "--quiet", "--cache", cacheFile).json();
        assertThat(likeExact.get("search").asText()).isEqualTo("exact");
        assertThat(like.get("results").get(0).get("id").asText()).isEqualTo(likeExact.get("results").get(0).get("id").asText());
        // Another corpus (the Chinese sample) keeps nothing.
        Path chinese = Run.englishSample().resolveSibling("telecom-support-zh.csv");
        assertThat(Run.of("search", chinese.toString(), "-m", "bge-small-zh-v1.5", "-q", "流量用完了", "--json", "--quiet",
                "--cache", cacheFile).json().get("search").asText()).isEqualTo("exact");

        assertThat(Run.of("tune", "index", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--keep", "default", "--quiet",
                "--cache", cacheFile).exitCode()).isZero();
        JsonNode forgotten = Run.of("search", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "-q", query, "--json", "--quiet",
                "--cache", cacheFile).json();
        assertThat(forgotten.get("search").asText()).isEqualTo("exact");
        assertThat(forgotten.get("kept").isNull()).isTrue();

        Run nonsense = Run.of("tune", "index", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--keep", "graph degree=1", "--quiet",
                "--cache", cacheFile);
        assertThat(nonsense.exitCode()).isEqualTo(2);
        assertThat(nonsense.err()).contains("--keep");
    }

    @Test
    void tuneBatchMeasuresEachBatchAndSplitAndKeepsTheFastest(@TempDir Path dir) {
        String cacheFile = dir.resolve("vectors.sqlite").toString();
        Run run = Run.of("tune", "batch", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--texts", "24", "--keep", "best", "--json",
                "--quiet", "--cache", cacheFile);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("quantized").asBoolean()).isFalse();
        assertThat(result.get("settings").size()).isEqualTo(6 * org.embex.embed.BatchSweep.Plan.defaults().sessionsAndThreads().size());
        double fastest = 0;
        for (JsonNode setting : result.get("settings")) {
            assertThat(setting.get("texts_per_second").asDouble()).isPositive();
            fastest = Math.max(fastest, setting.get("texts_per_second").asDouble());
        }
        assertThat(result.get("kept").asText()).isEqualTo(result.get("best").asText()).startsWith("batch=");
        assertThat(keptEmbedders(dir).getProperty("all-minilm-l6-v2")).isEqualTo(result.get("kept").asText());

        assertThat(Run.of("tune", "batch", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--keep", "default", "--quiet",
                "--cache", cacheFile).exitCode()).isZero();
        assertThat(keptEmbedders(dir).getProperty("all-minilm-l6-v2")).isNull();
        assertThat(Run.of("tune", "batch", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "--keep", "fastest", "--quiet",
                "--cache", cacheFile).exitCode()).isEqualTo(2);
    }

    @Test
    void tuneModelsPutsEveryInstalledModelInOneTableOfSpeedAndQuality(@TempDir Path dir) throws Exception {
        Path pairs = dir.resolve("pairs.csv");
        java.nio.file.Files.writeString(pairs, String.join("\n", "A man is playing a guitar.,A man plays the guitar.,4.8",
                "A dog runs in the park.,A cat sleeps on the sofa.,0.4", "The bill is too high.,My invoice is too expensive.,4.0",
                "It is raining today.,Stocks fell sharply.,0.1", "A child rides a bike.,A kid is riding a bicycle.,4.9", ""));
        Run run = Run.of("tune", "models", Run.englishSample().toString(), "--texts", "20", "--sts", pairs.toString(), "--json", "--quiet",
                "--cache", dir.resolve("vectors.sqlite").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode models = run.json().get("models");
        List<String> names = new ArrayList<>();
        for (JsonNode model : models) {
            names.add(model.get("model").asText());
            assertThat(model.get("texts_per_second").asDouble()).isPositive();
            assertThat(model.get("query_ms_p50").asDouble()).isPositive();
            assertThat(model.get("file_bytes").asLong()).isGreaterThan(1_000_000);
            assertThat(model.get("gate_auroc").asDouble()).isBetween(0.5, 1.0);
            assertThat(model.get("refused_at_95_kept").asDouble()).isBetween(0.0, 1.0);
            assertThat(model.get("knn_label_accuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(model.get("sts_spearman").isNumber()).isTrue();
        }
        assertThat(names).contains("all-minilm-l6-v2", "bge-small-zh-v1.5");
        // The English model reads the English sample better than the Chinese one: the table says so.
        assertThat(models.get(names.indexOf("all-minilm-l6-v2")).get("gate_auroc").asDouble())
                .isGreaterThan(models.get(names.indexOf("bge-small-zh-v1.5")).get("gate_auroc").asDouble());
    }

    @Test
    void aFilesOwnVectorsStandBesideTheModelsOnQualityWithNoCost(@TempDir Path dir) {
        Path parquet = dir.resolve("vectors.parquet");
        assertThat(Run.of("embed", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "-o", parquet.toString(), "--quiet").exitCode()).isZero();
        Run run = Run.of("tune", "models", parquet.toString(), "--vectors", "file:embedding", "--texts", "10", "--json", "--quiet",
                "--cache", dir.resolve("vectors.sqlite").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode own = null;
        JsonNode minilm = null;
        for (JsonNode model : run.json().get("models")) {
            if (model.get("model").asText().equals("file:embedding")) {
                own = model;
            } else if (model.get("model").asText().equals("all-minilm-l6-v2")) {
                minilm = model;
            }
        }
        assertThat(own).as("the file's vectors have a row").isNotNull();
        assertThat(own.get("texts_per_second").isNull()).isTrue();
        assertThat(own.get("file_bytes").isNull()).isTrue();
        // They are MiniLM's own vectors: the same quality as the model's row.
        assertThat(own.get("knn_label_accuracy").asDouble()).isEqualTo(minilm.get("knn_label_accuracy").asDouble());
        assertThat(own.get("gate_auroc").asDouble()).isCloseTo(minilm.get("gate_auroc").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aSweepAskingForMoreNeighboursThanTheCorpusHoldsIsABadInput() {
        Run run = Run.of("tune", "index", Run.englishSample().toString(), "-m", "all-minilm-l6-v2", "-k", "500", "--quiet",
                "--cache", Run.TEST_CACHE.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("402 rows").contains("k = 500");
    }

    private static java.util.Properties keptEmbedders(Path dir) {
        java.util.Properties kept = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(dir.resolve("kept-embedders.properties"))) {
            kept.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return kept;
    }
}
