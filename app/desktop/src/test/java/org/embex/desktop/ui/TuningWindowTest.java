package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.fx;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.embex.desktop.Fixtures;
import org.embex.desktop.plot.PngFile;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.neighbours.IndexSweep;
import org.embex.neighbours.SearchSetting;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.Workspace;

/** Tools › Tune the search index on the sample: the chart and table of the sweep, and a setting kept for the corpus's searches. */
@ExtendWith(ApplicationExtension.class)
class TuningWindowTest {

    private static Workspace workspace;
    private WindowUnderTest shown;
    private Explorer explorer;
    private ExplorerViewModel model;

    @BeforeAll
    static void openWorkspace() {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage window) {
        shown = WindowUnderTest.show(window, workspace);
        explorer = shown.explorer();
        model = explorer.model();
    }

    @AfterEach
    void close() {
        shown.close();
    }

    @Test
    void theSweepIsChartedAndTabledAndAKeptSettingIsWhatTheCorpusSearchesWith() throws TimeoutException {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(Fixtures.sample("en"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.corpus() != null && model.layoutJob() != null && model.layoutJob().isDone());
        fx(() -> model.tuning().sweep());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> explorer.tools().tuningWindow().stage().isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        var pane = explorer.tools().tuningWindow().index();

        // Exact search, 45 settings of embex's graph, 25 of Lucene's HNSW.
        assertThat(fx(() -> pane.table().getItems().size())).isEqualTo(71);
        List<String> words = fx(() -> pane.chart().texts());
        assertThat(words).contains("median query time, ms (log scale)", "recall@10", "embex graph", "Lucene HNSW", "exact search",
                "Pareto front", "1.00");
        assertThat(words.stream().filter(word -> word.startsWith("Recall@10 against query time")).count()).isEqualTo(1);
        PngFile.write(fx(() -> explorer.tools().tuningWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("tuning-index.png"));

        // Lucene's rows are measured for comparison, not kept.
        Button keep = fx(() -> (Button) pane.lookup("#tuning-keep"));
        int lucene = fx(() -> pane.table().getItems().indexOf(pane.table().getItems().stream()
                .filter(setting -> setting.index().equals(IndexSweep.HNSW)).findFirst().orElseThrow()));
        fx(() -> pane.table().getSelectionModel().select(lucene));
        assertThat(fx(keep::isDisabled)).isTrue();

        // A graph setting kept: the corpus on screen now searches through a graph with its degree, 402 rows or not.
        int graph = fx(() -> pane.table().getItems().indexOf(pane.table().getItems().stream()
                .filter(setting -> setting.label().equals("graph degree=8 trees=2 ef=32")).findFirst().orElseThrow()));
        fx(() -> pane.table().getSelectionModel().select(graph));
        assertThat(fx(keep::isDisabled)).isFalse();
        fx(keep::fire);
        assertThat(model.corpus().search().kept()).contains(SearchSetting.graph(8, 2, 32));
        assertThat(model.corpus().wantsIndex()).isTrue();
        assertThat(model.corpus().search().degree()).isEqualTo(8);
        // ...and the window builds that graph at once: its searches go through it.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.corpus().indexed(org.embex.vectors.Metric.COSINE));
        assertThat(fx(() -> pane.chart().texts())).contains("kept");
        assertThat(fx(() -> ((javafx.scene.control.Label) pane.lookup("#tuning-kept")).getText())).contains("graph degree=8 trees=2 ef=32");
        fx(() -> model.darkProperty().set(true));
        PngFile.write(fx(() -> explorer.tools().tuningWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("tuning-index-kept-dark.png"));

        fx(() -> ((Button) pane.lookup("#tuning-by-size")).fire());
        assertThat(model.corpus().search().kept()).isEqualTo(Optional.empty());
        assertThat(model.corpus().wantsIndex()).isFalse();
    }

    @Test
    void theBatchSweepIsChartedAndItsFastestSettingKeptForTheModel() throws TimeoutException {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(Fixtures.sample("en"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.corpus() != null && model.layoutJob() != null && model.layoutJob().isDone());
        fx(() -> model.tuning().sweepBatches());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> model.tuning().batchedProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        var pane = explorer.tools().tuningWindow().batch();
        var sweep = model.tuning().batchedProperty().get().sweep();
        List<String> words = fx(() -> pane.chart().texts());
        assertThat(words).contains("texts a run (batch size)", "texts / s", "1", "64", "1 session × 2 threads", "2 sessions × 1 thread");
        assertThat(words).contains(String.format("fastest: %.0f/s", sweep.best().textsPerSecond()));
        fx(() -> ((Button) pane.lookup("#batch-keep")).fire());
        var folder = workspace.installed("all-minilm-l6-v2");
        assertThat(org.embex.usecase.KeptEmbedders.kept(workspace, folder)).contains(sweep.best().options());
        assertThat(fx(() -> pane.chart().texts())).contains(String.format("kept: %.0f/s", sweep.best().textsPerSecond()));
        PngFile.write(fx(() -> explorer.tools().tuningWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("tuning-batch.png"));
        fx(() -> ((Button) pane.lookup("#batch-defaults")).fire());
        assertThat(org.embex.usecase.KeptEmbedders.kept(workspace, folder)).isEmpty();
    }

    @Test
    void everyInstalledModelIsChartedSpeedAgainstQualityAndTabled() throws Exception {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(Fixtures.sample("en"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.corpus() != null && model.layoutJob() != null && model.layoutJob().isDone());
        fx(() -> model.tuning().measureModels());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> model.tuning().lineupProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        var pane = explorer.tools().tuningWindow().models();
        List<String> models = fx(() -> pane.table().getItems().stream().map(entry -> entry.name()).toList());
        assertThat(models).contains("all-minilm-l6-v2", "bge-small-zh-v1.5");
        // The sample has an out-of-scope label and labels: the gate's figures and k-NN accuracy, no STS without pairs.
        assertThat(fx(() -> List.copyOf(pane.quality().getItems())))
                .containsExactly("gate AUROC", "out-of-scope refused at 95% kept", "k-NN label accuracy");
        List<String> words = fx(() -> pane.chart().texts());
        assertThat(words).contains("texts / s on this machine", "gate AUROC", "all-minilm-l6-v2", "bge-small-zh-v1.5");
        fx(() -> pane.quality().setValue("k-NN label accuracy"));
        assertThat(fx(() -> pane.chart().texts())).contains("k-NN label accuracy").doesNotContain("gate AUROC");
        PngFile.write(fx(() -> explorer.tools().tuningWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("tuning-models.png"));

        // With STS pairs (what the Add STS pairs button's file chooser gives), each model's Spearman joins the table and the chart.
        java.nio.file.Path pairs = java.nio.file.Files.createTempFile("sts", ".csv");
        java.nio.file.Files.writeString(pairs, String.join("\n", "A man is playing a guitar.,A man plays the guitar.,4.8",
                "A dog runs in the park.,A cat sleeps on the sofa.,0.4", "The bill is too high.,My invoice is too expensive.,4.0",
                "It is raining today.,Stocks fell sharply.,0.1", ""));
        var first = model.tuning().lineupProperty().get();
        fx(() -> model.tuning().measureModels(Optional.of(pairs)));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> model.tuning().lineupProperty().get() != first));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> List.copyOf(pane.quality().getItems()))).contains("STS Spearman");
        assertThat(fx(() -> pane.table().getItems().stream().allMatch(entry -> entry.stsSpearman().isPresent()))).isTrue();
    }
}
