package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * project's UMAP options: --start, from the PCA map (the default) or from the fuzzy graph's spectral
 * layout; --repulsion, how hard the random points push (2 by default, umap-learn's 1 on request).
 */
class ProjectUmapOptionsTest {

    private static final String SAMPLE = Run.englishSample().toString();
    private static final String MINILM = "all-minilm-l6-v2";

    @TempDir
    static Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    private static Run project(String start, String output, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("project", SAMPLE, "-m", MINILM,
                "--start", start, "--quiet", "--json", "--cache", dir.resolve("cache.sqlite").toString(),
                "-o", dir.resolve(output).toString()));
        args.addAll(java.util.List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    @Test
    void aSpectralStartMakesItsOwnFaithfulMapAndIsKeptApartFromThePcaOne() throws Exception {
        Run pca = project("pca", "pca.csv");
        Run spectral = project("spectral", "spectral.csv");
        assertThat(pca.exitCode()).as(pca.err()).isZero();
        assertThat(spectral.exitCode()).as(spectral.err()).isZero();
        assertThat(pca.json().get("start").asText()).isEqualTo("pca");
        assertThat(spectral.json().get("start").asText()).isEqualTo("spectral");
        // Each is its own map, computed rather than read back under the other's key.
        assertThat(spectral.json().get("cached").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("spectral.csv"))).isNotEqualTo(Files.readString(dir.resolve("pca.csv")));
        assertThat(spectral.json().get("trustworthiness").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void anUnknownStartIsRefusedInOneLine() {
        Run run = project("sideways", "never.csv");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).contains("unknown UMAP start 'sideways', expected pca or spectral").doesNotContain("\n");
    }

    @Test
    void umapLearnsRepulsionMakesItsOwnMapAndTheDefaultPushesTwiceAsHard() throws Exception {
        Run defaults = project("pca", "default.csv");
        Run umapLearns = project("pca", "repulsion-1.csv", "--repulsion", "1");
        assertThat(defaults.exitCode()).as(defaults.err()).isZero();
        assertThat(umapLearns.exitCode()).as(umapLearns.err()).isZero();
        assertThat(defaults.json().get("repulsion").asDouble()).isEqualTo(2.0);
        assertThat(umapLearns.json().get("repulsion").asDouble()).isEqualTo(1.0);
        assertThat(umapLearns.json().get("cached").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("repulsion-1.csv"))).isNotEqualTo(Files.readString(dir.resolve("default.csv")));
    }

    @Test
    void aRepulsionOfZeroIsRefusedInOneLine() {
        Run run = project("pca", "never.csv", "--repulsion", "0");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).contains("repulsion must be a number above 0, was 0.0").doesNotContain("\n");
    }
}
