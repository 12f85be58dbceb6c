package org.embex.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;

class ModelCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void catalogueHoldsEveryModelOfTheDesign() {
        assertThat(TestModels.catalogue().all()).extracting(ModelFolder::id).contains(
                "all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v1.5", "bge-small-en-v1.5-q",
                "bge-small-zh-v1.5", "bge-small-zh-v1.5-q", "e5-small-v2", "e5-small-v2-q");
    }

    @Test
    void descriptorsCarryPoolingPrefixesAndCut() {
        ModelDescriptor e5 = TestModels.catalogue().find("e5-small-v2").descriptor();
        assertThat(e5.pooling()).isEqualTo(Pooling.MEAN);
        assertThat(e5.prefixes().forRole(Role.QUERY)).isEqualTo("query: ");
        assertThat(e5.prefixes().forRole(Role.PASSAGE)).isEqualTo("passage: ");
        assertThat(e5.maxTokens()).isEqualTo(512);
        ModelDescriptor zh = TestModels.catalogue().find("bge-small-zh-v1.5").descriptor();
        assertThat(zh.pooling()).isEqualTo(Pooling.CLS);
        assertThat(zh.dims()).isEqualTo(512);
        assertThat(zh.language()).isEqualTo("zh");
        assertThat(TestModels.catalogue().find("bge-small-zh-v1.5-q").descriptor().quantized()).isTrue();
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        assertThatThrownBy(() -> TestModels.catalogue().find("minilm"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown model 'minilm'")
                .hasMessageContaining("all-minilm-l6-v2, all-minilm-l6-v2-q");
    }

    @Test
    void modelWithoutFilesSaysHowToInstallIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("e5-small-v2"));
        Files.copy(TestModels.catalogue().find("e5-small-v2").directory().resolve(ModelFolder.DESCRIPTOR),
                folder.resolve(ModelFolder.DESCRIPTOR));
        assertThatThrownBy(() -> new ModelCatalogue(dir).findInstalled("e5-small-v2"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("model e5-small-v2 is not installed; install it with: ./embex models install e5-small-v2");
    }

    @Test
    void usersOwnModelFolderIsFoundByPath() throws IOException {
        ModelFolder minilm = TestModels.installed("all-minilm-l6-v2");
        Path own = Files.createDirectories(dir.resolve("my-model"));
        Files.writeString(own.resolve(ModelFolder.DESCRIPTOR),
                "{\"id\": \"my-model\", \"dims\": 384, \"pooling\": \"mean\", \"max_tokens\": 128}");
        Files.createSymbolicLink(own.resolve(ModelFolder.MODEL_FILE), minilm.modelFile());
        Files.copy(minilm.tokenizerFile(), own.resolve(ModelFolder.TOKENIZER_FILE));

        ModelFolder found = TestModels.catalogue().findInstalled(own.toString());
        assertThat(found.id()).isEqualTo("my-model");
        assertThat(found.descriptor().source()).isEmpty();
        assertThat(found.descriptor().maxTokens()).isEqualTo(128);
    }

    @Test
    void descriptorErrorsNameFileAndKey() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(folder.resolve(ModelFolder.DESCRIPTOR), "{\"id\": \"broken\", \"pooling\": \"mean\", \"max_tokens\": 9}");
        assertThatThrownBy(() -> DescriptorReader.read(folder))
                .isInstanceOf(BadInputException.class)
                .hasMessage(folder.resolve(ModelFolder.DESCRIPTOR) + ": 'dims' must be a positive integer");
    }

    @Test
    void malformedDescriptorReportsLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bad-json"));
        Files.writeString(folder.resolve(ModelFolder.DESCRIPTOR), "{\n  \"id\": \"x\",\n  \"dims\": ,\n}");
        assertThatThrownBy(() -> DescriptorReader.read(folder))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void unknownPoolingIsRejected() {
        assertThatThrownBy(() -> Pooling.parse("max")).hasMessage("unknown pooling 'max', expected mean or cls");
    }
}
