package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** project --start: UMAP from the PCA map (the default) or from the fuzzy graph's spectral layout. */
class ProjectStartTest {

    private static final String SAMPLE = Run.modelsDir().resolveSibling("samples").resolve("telecom-support-en.csv").toString();
    private static final String MINILM = "all-minilm-l6-v2";

    @TempDir
    static Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    private static Run project(String start, String output) {
        return Run.of("project", SAMPLE, "-m", MINILM, "--start", start, "--quiet", "--json",
                "--cache", dir.resolve("cache.sqlite").toString(), "-o", dir.resolve(output).toString());
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
}
