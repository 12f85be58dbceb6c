package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompareCommandTest {

    private static final String SAMPLE = Run.modelsDir().resolveSibling("samples").resolve("telecom-support-zh.csv").toString();

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    @Test
    void aChineseModelKeepsChineseIntentsTogetherBetterThanMiniLm() {
        Run run = Run.of("compare", SAMPLE, "-m", "all-minilm-l6-v2", "-m", "bge-small-zh-v1.5", "-k", "10", "--top", "5",
                "--json", "--cache", Run.TEST_CACHE.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();

        assertThat(json.get("models").get(0).asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(json.get("rows").asInt()).isEqualTo(408);
        double mean = json.get("neighbour_overlap_mean").asDouble();
        assertThat(mean).isBetween(0.0, 0.9);
        assertThat(json.get("neighbour_overlap_median").asDouble()).isBetween(0.0, 1.0);
        JsonNode rows = json.get("most_disagreeing");
        assertThat(rows).hasSize(5);
        for (int r = 1; r < rows.size(); r++) {
            assertThat(rows.get(r).get("overlap").asDouble()).isGreaterThanOrEqualTo(rows.get(r - 1).get("overlap").asDouble());
        }
        assertThat(rows.get(0).get("overlap").asDouble()).isLessThanOrEqualTo(mean);
        double minilm = json.get("metrics").get("all-minilm-l6-v2").get("knn_label_accuracy").asDouble();
        double bge = json.get("metrics").get("bge-small-zh-v1.5").get("knn_label_accuracy").asDouble();
        assertThat(bge).isGreaterThan(minilm + 0.1);
    }

    @Test
    void stsPairsAddEachModelsSpearmanAsEvalStsComputesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path pairs = dir.resolve("pairs.csv");
        java.nio.file.Files.writeString(pairs, String.join("\n", "sentence1,sentence2,score",
                "my bill is too high,why was I charged so much,4.2",
                "my bill is too high,the weather is nice today,0.1",
                "I lost my SIM card,my SIM card was stolen,4.0",
                "I lost my SIM card,can I roam in Spain,0.3",
                "no signal at home,coverage is bad in my street,4.4",
                "no signal at home,how do I cancel my contract,0.5",
                "cancel my contract,I want to end my subscription,4.6",
                "cancel my contract,upgrade to unlimited data,1.2") + "\n");
        String sample = Run.englishSample().toString();
        Run compare = Run.of("compare", sample, "-m", "all-minilm-l6-v2", "-m", "bge-small-zh-v1.5", "--sts", pairs.toString(),
                "--json", "--cache", Run.TEST_CACHE.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        for (String model : new String[] {"all-minilm-l6-v2", "bge-small-zh-v1.5"}) {
            Run sts = Run.of("eval", "sts", pairs.toString(), "-m", model, "--json");
            assertThat(compare.json().get("metrics").get(model).get("sts_spearman").asDouble())
                    .isEqualTo(sts.json().get("spearman").asDouble());
        }
    }

    @Test
    void oneModelIsABadInput() {
        Run run = Run.of("compare", SAMPLE, "-m", "all-minilm-l6-v2", "--cache", Run.TEST_CACHE.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("exactly two models");
    }

}
