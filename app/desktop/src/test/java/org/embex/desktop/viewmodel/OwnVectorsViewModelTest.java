package org.embex.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.embex.desktop.Fixtures;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Search;
import org.embex.usecase.VectorExport;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that brings its own vectors, in the window without a screen: it opens with them, the model
 * box offers them beside the models, a typed query asks for the model that made them and checks it,
 * and a local model is compared with them side by side.
 */
class OwnVectorsViewModelTest {

    private static final String MINILM = "all-minilm-l6-v2";
    private static final String OWN = "file:embedding";
    private static Workspace workspace;
    private static EmbeddedCorpus embedded;
    private final SameThreadJobs jobs = new SameThreadJobs();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ExplorerViewModel model;

    @TempDir
    static Path dir;
    private static Path parquet;

    @BeforeAll
    static void exportTheSample() {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
        embedded = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(Fixtures.sample("en")), MINILM, ProgressListener.NONE,
                CancellationToken.none());
        parquet = dir.resolve("sample.parquet");
        VectorExport.write(embedded, parquet);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @BeforeEach
    void newWindow() {
        Settings settings = Fixtures.newSettings();
        settings.setText("method", LayoutMethod.PCA.name());
        model = new ExplorerViewModel(workspace, settings, jobs, dialogs);
    }

    private EmbeddedCorpus open(Path file) {
        model.open(CorpusSpec.defaults(file));
        jobs.runAll();
        return model.corpus();
    }

    @Test
    void aFileWithVectorsOpensWithThemAndTheModelBoxOffersThemBesideTheModels() {
        EmbeddedCorpus opened = open(parquet);

        assertThat(opened.model()).isEqualTo(OWN);
        assertThat(model.modelProperty().get()).isEqualTo(OWN);
        assertThat(model.models()).contains(MINILM, OWN);
        assertThat(model.modelBadge(OWN)).isEqualTo("▦ vectors in the file");
        assertThat(opened.vectors().values()).containsExactly(embedded.vectors().values());
        assertThat(model.layoutProperty().get().points()).isEqualTo(402);
        assertThat(model.colouringProperty().get().categories()).hasSize(9);
        assertThat(model.titleProperty().get()).isEqualTo("embex — sample.parquet · " + OWN);
        assertThat(model.neighbours().neighboursProperty().get()).isEqualTo(NeighbourList.NONE_WITHOUT_QUERY_MODEL);

        // Another corpus without vectors: the file's entry leaves the box and a model embeds it.
        assertThat(open(Fixtures.sample("en")).model()).isEqualTo(MINILM);
        assertThat(model.models()).doesNotContain(OWN);
        // Back to the Parquet file: it opens with its vectors again, as last used.
        assertThat(open(parquet).model()).isEqualTo(OWN);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aJsonlFilesVectorsCanBeLeftForAModelAndTakenAgain() throws java.io.IOException {
        StringBuilder jsonl = new StringBuilder();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int row = 0; row < embedded.size(); row++) {
            jsonl.append(json.writeValueAsString(java.util.Map.of("text", embedded.row(row).text(), "label",
                    embedded.row(row).label(), "embedding", embedded.vectors().row(row)))).append('\n');
        }
        Path file = java.nio.file.Files.writeString(dir.resolve("sample.jsonl"), jsonl);
        assertThat(open(file).model()).isEqualTo(OWN);

        model.modelProperty().set(MINILM);
        jobs.runAll();
        assertThat(model.corpus().model()).isEqualTo(MINILM);
        model.modelProperty().set(OWN);
        jobs.runAll();
        assertThat(model.corpus().model()).isEqualTo(OWN);
        assertThat(model.corpus().vectors().values()).containsExactly(embedded.vectors().values());
        dialogs.answerChoice(MINILM);
        model.comparison().chooseModel();
        jobs.runAll();
        assertThat(model.comparison().shownProperty().get().pair().comparison().meanOverlap()).isEqualTo(1.0);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aTypedQueryAsksForTheModelThatMadeTheVectorsAndChecksItFirst() {
        open(parquet);

        dialogs.answerChoice("bge-small-zh-v1.5");
        model.neighbours().query("my bill is too high");
        jobs.runAll();
        assertThat(dialogs.offered()).singleElement().satisfies(offered -> assertThat(offered).contains(MINILM).doesNotContain(OWN));
        assertThat(dialogs.errors()).singleElement().satisfies(error -> assertThat(error)
                .startsWith("Not the model that made these vectors").contains("512 numbers, the file's have 384"));
        assertThat(model.neighbours().neighboursProperty().get()).isEqualTo(NeighbourList.NONE_WITHOUT_QUERY_MODEL);

        dialogs.answerChoice(MINILM);
        model.neighbours().query("my bill is too high");
        jobs.runAll();
        NeighbourList hits = model.neighbours().neighboursProperty().get();
        Search.Hits original = Search.query(workspace, embedded, "my bill is too high", 10, Metric.COSINE);
        assertThat(hits.points()).containsExactly(original.neighbours().stream().mapToInt(n -> n.index()).toArray());
        // Asked once: the next query goes straight to the model checked.
        model.neighbours().query("roaming in Spain");
        jobs.runAll();
        assertThat(dialogs.offered()).hasSize(2);
        assertThat(model.neighbours().neighboursProperty().get().heading()).contains("roaming in Spain");
    }

    @Test
    void aSelectionExportedAsParquetCarriesTheVectorsAndTheMapAndOpensAgain() {
        open(Fixtures.sample("en"));
        java.util.BitSet picked = new java.util.BitSet();
        picked.set(10, 60);
        model.selection().select(picked);
        Path out = dir.resolve("selection.parquet");

        model.selection().export(out, model.selection().selectionProperty().get().indices());
        jobs.runAll();
        float x = model.layoutProperty().get().x()[10];
        EmbeddedCorpus reopened = open(out);

        assertThat(reopened.model()).isEqualTo(OWN);
        assertThat(reopened.size()).isEqualTo(50);
        assertThat(reopened.vectors().row(0)).containsExactly(embedded.vectors().row(10));
        assertThat(reopened.row(49).text()).isEqualTo(embedded.row(59).text());
        assertThat(reopened.row(0).metadata()).containsKeys("x", "y");
        assertThat(Float.parseFloat(reopened.row(0).metadata().get("x"))).isEqualTo(x);
    }

    @Test
    void aLocalModelIsComparedWithTheFilesVectorsSideBySide() {
        open(parquet);
        dialogs.answerChoice(MINILM);

        model.comparison().chooseModel();
        jobs.runAll();

        var shown = model.comparison().shownProperty().get();
        assertThat(shown.pair().first().model()).isEqualTo(OWN);
        assertThat(shown.pair().second().model()).isEqualTo(MINILM);
        // The file holds MiniLM's own vectors: every neighbourhood agrees.
        assertThat(shown.pair().comparison().meanOverlap()).isEqualTo(1.0);
        assertThat(model.statusProperty().get()).startsWith(OWN + " vs " + MINILM + ": 10-NN overlap mean 1.00");
    }
}
