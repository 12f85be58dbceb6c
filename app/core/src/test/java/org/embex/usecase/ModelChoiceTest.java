package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.embex.corpus.Corpus;
import org.embex.model.ModelFolder;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/** The model follows the corpus: by the script of its texts, or the model last used on it. */
class ModelChoiceTest {

    private static Workspace workspace;

    @BeforeAll
    static void open() throws Exception {
        workspace = Workspace.open(UseCasesTest.models(), Files.createTempDirectory("embex-choice").resolve("vectors.sqlite"));
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static Corpus sample(String language) {
        return CorpusSpec.defaults(UseCasesTest.sample(language)).read();
    }

    @Test
    void theScriptOfTheSamplesIsTold() {
        assertThat(ModelChoice.script(sample("en"))).hasValue(UnicodeScript.LATIN);
        assertThat(ModelChoice.script(sample("zh"))).hasValue(UnicodeScript.HAN);
    }

    @Test
    void eachSampleGetsTheInstalledModelThatReadsIt() {
        List<ModelFolder> installed = workspace.installedModels();
        assertThat(ModelChoice.forCorpus(installed, sample("en"), Optional.empty())).hasValue("all-minilm-l6-v2");
        assertThat(ModelChoice.forCorpus(installed, sample("zh"), Optional.empty())).hasValue("bge-small-zh-v1.5");
    }

    @Test
    void theModelLastUsedOnACorpusWinsWhileItIsInstalled() {
        List<ModelFolder> installed = workspace.installedModels();
        assertThat(ModelChoice.forCorpus(installed, sample("zh"), Optional.of("all-minilm-l6-v2"))).hasValue("all-minilm-l6-v2");
        assertThat(ModelChoice.forCorpus(installed, sample("zh"), Optional.of("gone-model"))).hasValue("bge-small-zh-v1.5");
    }

    @Test
    void aModelThatCannotReadTheCorpusIsToldWhichOneCan() {
        EmbeddedCorpus minilmOnChinese = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(UseCasesTest.sample("zh")),
                "all-minilm-l6-v2", ProgressListener.NONE, CancellationToken.none());
        assertThat(ModelChoice.advice(workspace.catalogueModels(), minilmOnChinese))
                .hasValueSatisfying(advice -> assertThat(advice.switchTo()).hasValue("bge-small-zh-v1.5"));
        assertThat(ModelChoice.warnings(workspace, minilmOnChinese)).first().asString()
                .startsWith("all-minilm-l6-v2 does not know").endsWith(": bge-small-zh-v1.5 reads it (-m bge-small-zh-v1.5).");

        EmbeddedCorpus bgeOnChinese = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(UseCasesTest.sample("zh")),
                "bge-small-zh-v1.5", ProgressListener.NONE, CancellationToken.none());
        assertThat(ModelChoice.advice(workspace.catalogueModels(), bgeOnChinese)).isEmpty();
        assertThat(ModelChoice.warnings(workspace, bgeOnChinese)).isEmpty();
    }

    @Test
    void withoutAReaderInstalledTheAdviceIsTheInstallCommand() {
        EmbeddedCorpus minilmOnChinese = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(UseCasesTest.sample("zh")),
                "all-minilm-l6-v2", ProgressListener.NONE, CancellationToken.none());
        List<ModelFolder> withoutChinese = workspace.catalogueModels().stream()
                .filter(model -> !model.id().equals("bge-small-zh-v1.5")).toList();
        // bge-small-zh-v1.5-q, not installed here, is the catalogue's other Chinese model.
        assertThat(ModelChoice.advice(withoutChinese, minilmOnChinese)).hasValueSatisfying(advice -> {
            assertThat(advice.switchTo()).isEmpty();
            assertThat(advice.words()).isEqualTo("install a model that reads it: ./embex models install bge-small-zh-v1.5-q");
        });
    }
}
