package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.fx;
import static org.embex.desktop.OnFxThread.node;
import static org.embex.desktop.OnFxThread.showing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
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
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.Workspace;

/**
 * The window with an endpoint model in its catalogue: the model box says where its texts go, and
 * choosing it asks before anything is sent. The endpoint is a loopback port nobody listens on, so
 * a request that went out would fail loudly.
 */
@ExtendWith(ApplicationExtension.class)
class EndpointModelWindowTest {

    private static final String MINILM = "all-minilm-l6-v2";
    private Workspace workspace;
    private WindowUnderTest shown;
    private Explorer explorer;
    private ExplorerViewModel model;
    private Stage stage;

    @Start
    void start(Stage window) throws IOException {
        Path catalogue = Files.createDirectories(Files.createTempDirectory("embex-endpoint-window").resolve("models"));
        Files.createSymbolicLink(catalogue.resolve(MINILM), Fixtures.models().resolve(MINILM).toAbsolutePath());
        Path remote = Files.createDirectories(catalogue.resolve("product-embedder"));
        Files.writeString(remote.resolve("model.json"), "{\"id\": \"product-embedder\", \"dims\": 384, \"endpoint\": "
                + "{\"url\": \"http://127.0.0.1:9/v1\", \"model\": \"text-embedding-3-small\", \"attempts\": 1}}");
        workspace = Workspace.open(catalogue, Fixtures.newCache());
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
    void choosingAnEndpointModelAsksFirstAndDecliningSendsNothing(FxRobot robot) throws TimeoutException {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(Fixtures.sample("en"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.corpus() != null && model.layoutJob() != null
                && model.layoutJob().isDone());
        Platform.runLater(() -> model.modelProperty().set("product-embedder"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#confirm-dialog"));
        DialogPane dialog = node(robot, "#confirm-dialog");
        assertThat(fx(dialog::getHeaderText)).isEqualTo("Send texts to http://127.0.0.1:9?");
        assertThat(fx(dialog::getContentText)).contains("product-embedder is a model that runs at http://127.0.0.1:9")
                .contains("sends the 402 texts of telecom-support-en.csv there");
        ComboBox<?> models = node(robot, "#model");
        assertThat(fx(() -> ((ModelCell) models.getButtonCell()).getText()))
                .isEqualTo("product-embedder  ⇄");
        assertThat(model.modelBadge("product-embedder")).isEqualTo("⇄ sends texts to http://127.0.0.1:9");
        WaitForAsyncUtils.waitForFxEvents();
        PngFile.write(fx(() -> stage.getScene().snapshot(null)), Fixtures.screenshots().resolve("endpoint-model-box.png"));
        PngFile.write(fx(() -> dialog.getScene().snapshot(null)), Fixtures.screenshots().resolve("endpoint-confirm.png"));

        fx(() -> {
            ((Button) dialog.lookupButton(ButtonType.CANCEL)).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> MINILM.equals(model.modelProperty().get())));
        assertThat(fx(() -> model.statusProperty().get())).startsWith("Nothing was sent.");
        assertThat(model.corpus().model()).isEqualTo(MINILM);
        assertThat(model.jobs()).isEmpty();
    }
}
