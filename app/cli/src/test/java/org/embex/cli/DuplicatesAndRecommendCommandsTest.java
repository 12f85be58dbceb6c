package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duplicates} and {@code recommend} as a script runs them: JSON, files written, and bad input. */
class DuplicatesAndRecommendCommandsTest {

    private static final String SAMPLE = Run.englishSample().toString();
    private static final String MINILM = "all-minilm-l6-v2";

    @TempDir
    static Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    @Test
    void duplicatesPrintsGroupsAroundRepresentativesAndWritesThem() throws Exception {
        Path groups = dir.resolve("groups.csv");
        Run run = Run.of("duplicates", SAMPLE, "-m", MINILM, "--threshold", "0.7", "--json", "--quiet", "-o", groups.toString());
        Run graph = Run.of("duplicates", SAMPLE, "-m", MINILM, "--threshold", "0.7", "--json", "--quiet", "--graph-above", "10");
        Run text = Run.of("duplicates", SAMPLE, "-m", MINILM, "--threshold", "0.7", "--show", "2", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("search").asText()).isEqualTo("exact");
        assertThat(json.get("pairs").asInt()).isPositive();
        JsonNode first = json.get("groups").get(0);
        assertThat(first.get("representative").asText()).isEqualTo(first.get("members").get(0).get("id").asText());
        Set<String> members = new HashSet<>();
        for (JsonNode group : json.get("groups")) {
            for (JsonNode member : group.get("members")) {
                assertThat(member.get("score").asDouble()).isGreaterThanOrEqualTo(0.7);
                assertThat(members.add(member.get("id").asText())).isTrue();
            }
        }
        assertThat(json.get("rows_in_groups").asInt()).isEqualTo(members.size());
        List<String> lines = Files.readAllLines(groups);
        assertThat(lines).hasSize(members.size() + 1);
        assertThat(lines.get(0)).isEqualTo("id,text,label,score,group,representative");
        assertThat(graph.json().get("search").asText()).isEqualTo("graph");
        assertThat(graph.json().get("groups")).isEqualTo(json.get("groups"));
        assertThat(text.out()).contains("groups holding").contains("group 1:").contains("group 2:").doesNotContain("group 3:")
                .contains("more groups");
    }

    @Test
    void aThresholdOutsideZeroToOneIsABadInput() {
        Run run = Run.of("duplicates", SAMPLE, "-m", MINILM, "--threshold", "85", "--quiet");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("above 0 and at most 1, was 85.0");
    }

    @Test
    void recommendNamesTheLikedRowBehindEachAndNeverALikedOne() throws Exception {
        Path liked = dir.resolve("liked.txt");
        Files.writeString(liked, "en-0037\nen-0003\n");

        Run run = Run.of("recommend", SAMPLE, "-m", MINILM, "--liked", liked.toString(), "-k", "8", "--json", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = run.json().get("results");
        assertThat(results).hasSize(8);
        for (JsonNode result : results) {
            assertThat(result.get("id").asText()).isNotIn("en-0037", "en-0003");
            assertThat(result.get("because").get("id").asText()).isIn("en-0037", "en-0003");
        }
    }

    @Test
    void recommendEvaluatesBesideItsBaselinesAndRefusesAnUnknownId() throws Exception {
        Path liked = dir.resolve("unknown.txt");
        Files.writeString(liked, "en-0037\nen-12345\n");

        Run evaluated = Run.of("recommend", SAMPLE, "-m", MINILM, "--evaluate", "--json", "--quiet");
        Run unknown = Run.of("recommend", SAMPLE, "-m", MINILM, "--liked", liked.toString(), "--quiet");
        Run neither = Run.of("recommend", SAMPLE, "-m", MINILM, "--quiet");
        Run evaluatedWithK = Run.of("recommend", SAMPLE, "-m", MINILM, "--evaluate", "-k", "5", "--quiet");

        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        JsonNode json = evaluated.json();
        assertThat(json.get("draws").asInt()).isEqualTo(402);
        assertThat(json.get("profile").get("hit_rate_at_10").asDouble())
                .isGreaterThan(json.get("nearest_to_one_liked").get("hit_rate_at_10").asDouble())
                .isGreaterThan(json.get("random").get("hit_rate_at_10").asDouble());
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown.txt: line 2").contains("en-12345");
        assertThat(neither.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(neither.err()).contains("--liked").contains("--evaluate");
        assertThat(evaluatedWithK.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(evaluatedWithK.err()).contains("leave out -k");
    }
}
