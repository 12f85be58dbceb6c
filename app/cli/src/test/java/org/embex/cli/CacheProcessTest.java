package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.cache.VectorCache;

/** Real child processes embedding into a real cache file: killed mid-way, and two at once. */
@Tag("model")
class CacheProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    /** Distinct short texts, enough for the embedding to take several seconds. */
    private Path corpus(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n");
        String[] subjects = {"my bill", "the signal", "roaming in Spain", "my SIM card", "the new phone", "my data plan"};
        String[] problems = {"is wrong", "stopped working", "costs too much", "needs a change", "confuses me"};
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',').append(subjects[i % subjects.length]).append(' ')
                    .append(problems[(i / subjects.length) % problems.length]).append(" (case ").append(i).append(")").append('\n');
        }
        return Files.writeString(dir.resolve("corpus.csv"), csv);
    }

    private ProcessBuilder embex(Path corpus, Path cache, Path stdout) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.embex.cli.Main", "embed", corpus.toString(), "-m", "all-minilm-l6-v2",
                "--models-dir", Run.modelsDir().toString(), "--cache", cache.toString(), "--json", "--quiet"));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static long storedVectors(Path cache) {
        try (VectorCache opened = VectorCache.open(cache)) {
            return opened.stats().vectors();
        }
    }

    @Test
    void killedRunLosesNothingCommittedAndTheNextRunFinishes() throws Exception {
        Path corpus = corpus(6000);
        Path cache = dir.resolve("cache.sqlite");
        Process first = embex(corpus, cache, dir.resolve("first.json")).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (storedVectors(cache) < 600 && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(first.isAlive()).as("the first run must still be working when it is killed").isTrue();
        first.destroyForcibly().waitFor();

        long committed = storedVectors(cache);
        assertThat(committed).isBetween(600L, 5999L);

        Process second = embex(corpus, cache, dir.resolve("second.json")).start();
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
        JsonNode result = JSON.readTree(dir.resolve("second.json").toFile());
        assertThat(result.get("texts").asInt()).isEqualTo(6000);
        assertThat(result.get("cached").asLong()).isEqualTo(committed);
        assertThat(result.get("embedded").asLong()).isEqualTo(6000 - committed);
        try (VectorCache opened = VectorCache.open(cache)) {
            assertThat(opened.check().problems()).isEmpty();
            assertThat(opened.stats().vectors()).isEqualTo(6000);
        }
    }

    @Test
    void twoProcessesOnOneCacheBothFinishWithoutDuplicates() throws Exception {
        Path corpus = corpus(1500);
        Path cache = dir.resolve("cache.sqlite");
        Process one = embex(corpus, cache, dir.resolve("one.json")).start();
        Process two = embex(corpus, cache, dir.resolve("two.json")).start();
        assertThat(one.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(two.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(one.exitValue()).isZero();
        assertThat(two.exitValue()).isZero();
        for (String name : List.of("one.json", "two.json")) {
            JsonNode result = JSON.readTree(dir.resolve(name).toFile());
            assertThat(result.get("texts").asInt()).isEqualTo(1500);
        }
        try (VectorCache opened = VectorCache.open(cache)) {
            assertThat(opened.check().problems()).isEmpty();
            assertThat(opened.stats().vectors()).isEqualTo(1500);
        }
        Process third = embex(corpus, cache, dir.resolve("three.json")).start();
        assertThat(third.waitFor(120, TimeUnit.SECONDS)).isTrue();
        JsonNode again = JSON.readTree(dir.resolve("three.json").toFile());
        assertThat(again.get("embedded").asInt()).isZero();
        assertThat(again.get("cached").asInt()).isEqualTo(1500);
    }
}
