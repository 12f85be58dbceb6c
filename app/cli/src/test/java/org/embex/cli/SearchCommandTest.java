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
class SearchCommandTest {

    private static final String QUERY = "my data allowance ran out, how do I buy more?";

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    private static JsonNode search(String... options) {
        Path sample = Run.englishSample();
        List<String> args = new ArrayList<>(List.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", QUERY,
                "-k", "5", "--json", "--quiet"));
        args.addAll(List.of(options));
        Run run = Run.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.json();
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("results").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    @Test
    void fileAboveTheThresholdIsSearchedThroughTheGraphWithTheExactAnswer() {
        JsonNode exact = search();
        JsonNode graph = search("--graph-above", "100");
        assertThat(exact.get("search").asText()).isEqualTo("exact");
        assertThat(graph.get("search").asText()).isEqualTo("graph");
        assertThat(ids(graph)).isEqualTo(ids(exact));
    }

    @Test
    void theGraphIsBuiltOnceAndReadBackFromTheCache(@TempDir Path dir) {
        String cache = dir.resolve("cache.sqlite").toString();
        JsonNode first = search("--graph-above", "100", "--cache", cache);
        JsonNode second = search("--graph-above", "100", "--cache", cache);
        assertThat(first.get("graph").asText()).isEqualTo("built");
        assertThat(second.get("graph").asText()).isEqualTo("cached");
        assertThat(ids(second)).isEqualTo(ids(first));
        assertThat(search("--graph-above", "100", "--cache", cache, "--metric", "l2").get("graph").asText())
                .as("another metric, another graph").isEqualTo("built");
    }

    @Test
    void exactFlagScoresEveryRowWhateverTheSize() {
        assertThat(search("--graph-above", "100", "--exact").get("search").asText()).isEqualTo("exact");
    }

    @Test
    void whereSearchesOnlyTheRowsThatPassAndSaysWhatIsWrongWithABadCondition() {
        JsonNode billing = search("--where", "label=billing,signal", "--where", "text~the");
        assertThat(billing.get("results")).hasSize(5).allSatisfy(hit -> {
            assertThat(hit.get("label").asText()).isIn("billing", "signal");
            assertThat(hit.get("text").asText().toLowerCase()).contains("the");
        });

        Path sample = Run.englishSample();
        Run misspelt = Run.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", QUERY, "--where", "lable=billing");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(misspelt.err()).contains("telecom-support-en.csv").contains("no column 'lable'").contains("label");
        Run noNumbers = Run.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", QUERY, "--where", "label>=3");
        assertThat(noNumbers.err()).contains("column 'label' holds no numbers");
        Run nothing = Run.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", QUERY, "--where", "label=nosuch");
        assertThat(nothing.err()).contains("no row passes --where 'label=nosuch'");
        Run noCondition = Run.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", QUERY, "--where", "billing");
        assertThat(noCondition.err()).contains("--where 'billing': no condition");
    }
}
