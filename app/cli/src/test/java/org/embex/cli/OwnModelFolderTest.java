package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own model folder is named by its folder, not by the id in its model.json: a search with
 * it runs to the end, and a folder whose model.json carries a catalogue id is still its own model.
 */
@Tag("model")
class OwnModelFolderTest {

    private static final String SAMPLE = Run.englishSample().toString();

    @TempDir
    static Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    /** bge-small-zh's files in a folder of the user's, its model.json saying {@code id}. */
    private static Path ownFolder(String name, String id) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Path source = Run.modelsDir().resolve("bge-small-zh-v1.5");
        Files.copy(source.resolve("model.onnx"), folder.resolve("model.onnx"));
        Files.copy(source.resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        Files.writeString(folder.resolve("model.json"), Files.readString(source.resolve("model.json"))
                .replace("\"id\": \"bge-small-zh-v1.5\"", "\"id\": \"" + id + "\"").replaceAll("\"artifact[^\\n]*\\n", ""));
        return folder;
    }

    @Test
    void aSearchWithAnOwnFolderRunsToTheEnd() throws IOException {
        Path folder = ownFolder("mine", "my-model");
        Run run = Run.of("search", SAMPLE, "-m", folder.toString(), "-q", "roaming charges in Spain", "--json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("model").asText()).isEqualTo("my-model");
        assertThat(run.json().get("results")).hasSize(10);
    }

    @Test
    void anOwnFolderWithACatalogueIdIsStillItsOwnModel() throws IOException {
        Path folder = ownFolder("copy", "all-minilm-l6-v2");
        Run run = Run.of("compare", SAMPLE, "-m", "all-minilm-l6-v2", "-m", folder.toString(), "--json", "--quiet",
                "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // MiniLM against bge-small-zh: far from the 1.0 of a model compared with itself.
        assertThat(run.json().get("neighbour_overlap_mean").asDouble()).isLessThan(0.6);
    }
}
