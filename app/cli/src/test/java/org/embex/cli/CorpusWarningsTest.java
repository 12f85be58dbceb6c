package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands warn, as the window's banner does, when the model cannot read the corpus. */
@Tag("model")
class CorpusWarningsTest {

    private static final String CHINESE = Run.modelsDir().resolveSibling("samples").resolve("telecom-support-zh.csv").toString();

    @TempDir
    static Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    @Test
    void miniLmOnTheChineseSampleIsWarnedAboutWithTheModelThatReadsIt() {
        Run project = Run.of("project", CHINESE, "-m", "all-minilm-l6-v2", "--method", "pca", "--quiet", "--json",
                "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(project.exitCode()).as(project.err()).isZero();
        assertThat(project.err()).contains("warning: all-minilm-l6-v2 does not know 69% of this corpus's tokens")
                .contains("bge-small-zh-v1.5 reads it (-m bge-small-zh-v1.5).");
        project.json();
    }

    @Test
    void bgeSmallZhOnTheChineseSampleIsNot() {
        Run project = Run.of("project", CHINESE, "-m", "bge-small-zh-v1.5", "--method", "pca", "--quiet",
                "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(project.exitCode()).as(project.err()).isZero();
        assertThat(project.err()).doesNotContain("warning");
    }

    @Test
    void hdbscanThatLeavesMostRowsAsNoiseSaysSoAndWhatToChange() {
        String english = Run.englishSample().toString();
        Run hdbscan = Run.of("cluster", english, "-m", "all-minilm-l6-v2", "--method", "hdbscan", "--quiet", "--json",
                "--cache", dir.resolve("cache.sqlite").toString());
        Run kmeans = Run.of("cluster", english, "-m", "all-minilm-l6-v2", "--quiet", "--json",
                "--cache", dir.resolve("cache.sqlite").toString());

        assertThat(hdbscan.exitCode()).as(hdbscan.err()).isZero();
        int noise = hdbscan.json().get("noise").asInt();
        assertThat(noise).isGreaterThan(201);
        assertThat(hdbscan.err()).contains("warning: " + noise + " of 402 rows").contains("are noise")
                .contains("--min-cluster-size 10").contains("--method kmeans");
        assertThat(hdbscan.json().get("warnings")).hasSize(1);
        assertThat(kmeans.json().get("warnings")).isEmpty();
        assertThat(kmeans.err()).doesNotContain("warning");
    }
}
