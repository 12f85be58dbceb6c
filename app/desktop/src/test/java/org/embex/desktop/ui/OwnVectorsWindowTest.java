package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.fx;
import static org.embex.desktop.OnFxThread.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.embex.desktop.Fixtures;
import org.embex.desktop.plot.PngFile;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.VectorExport;
import org.embex.usecase.Workspace;

/**
 * A Parquet file of the sample's MiniLM vectors in the real window: the model box names the file's
 * vectors, the neighbours pane says what a typed query needs, and the compare window shows the
 * file's vectors beside MiniLM's (identical, so every figure says so). Screenshots for the closing note.
 */
@ExtendWith(ApplicationExtension.class)
class OwnVectorsWindowTest {

    private static final String MINILM = "all-minilm-l6-v2";
    private Workspace workspace;
    private WindowUnderTest shown;
    private Explorer explorer;
    private ExplorerViewModel model;
    private Stage stage;
    private Path parquet;

    @Start
    void start(Stage window) throws Exception {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
        parquet = Files.createTempDirectory("embex-own-vectors-window").resolve("support-vectors.parquet");
        VectorExport.write(CorpusEmbedding.embed(workspace, CorpusSpec.defaults(Fixtures.sample("en")), MINILM,
                ProgressListener.NONE, CancellationToken.none()), parquet);
        stage = window;
        shown = WindowUnderTest.show(window, workspace);
        explorer = shown.explorer();
        model = explorer.model();
    }

    @AfterEach
    void close() {
        shown.close();
        workspace.close();
    }

    @Test
    void theFilesVectorsAreAModelOnScreenAndBesideMiniLm(FxRobot robot) throws TimeoutException {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(parquet)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.corpus() != null && model.layoutJob() != null
                && model.layoutJob().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> models = node(robot, "#model");
        assertThat(fx(() -> ((ModelCell) models.getButtonCell()).getText())).isEqualTo("file:embedding  ▦");
        assertThat(fx(() -> robot.lookup(".neighbours-pane .pane-heading").queryAs(Label.class).getText())).contains("needs the model that made them");
        PngFile.write(fx(() -> stage.getScene().snapshot(null)), Fixtures.screenshots().resolve("own-vectors-explorer.png"));

        fx(() -> model.comparison().compareWith(MINILM));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> explorer.tools().compareShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        var pane = explorer.tools().compareWindow().pane();
        assertThat(pane.secondMap().mapLayout().points()).isEqualTo(402);
        PngFile.write(fx(() -> explorer.tools().compareWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("compare-own-vectors.png"));
        fx(() -> explorer.tools().compareWindow().stage().close());
    }
}
