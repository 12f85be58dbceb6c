package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.fx;
import static org.embex.desktop.OnFxThread.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.TableView;
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
import org.embex.desktop.viewmodel.NeighbourRow;
import org.embex.desktop.viewmodel.PlacedMapViewModel;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.PlacedMap;
import org.embex.usecase.Workspace;
import org.embex.vectors.Neighbour;

/**
 * A map made by the Spark map job (of the sample, placed by the job's own use case) opened in the
 * real window: it shows in a window of its own at the job's places without any embedding, and a
 * clicked point lists the neighbours the file's vectors give. Screenshot for the closing note.
 */
@ExtendWith(ApplicationExtension.class)
class PlacedMapWindowTest {

    private Workspace workspace;
    private WindowUnderTest shown;
    private Explorer explorer;
    private ExplorerViewModel model;
    private Path map;

    @Start
    void start(Stage window) throws Exception {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
        map = Fixtures.placedMap(workspace, Files.createTempDirectory("embex-placed-map-window"));
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
    void aSparkMapOpensAtItsPlacesAndAClickListsNeighboursFromTheFile(FxRobot robot) throws Exception {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(map)));
        PlacedMapViewModel placed = model.placedMap();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> placed.layoutProperty().get() != null
                && explorer.tools().placedMapWindow().stage().isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        PlacedMapWindow window = fx(() -> explorer.tools().placedMapWindow());

        // Nothing was embedded: the explorer has no corpus, and the map is the job's places.
        assertThat(fx(model::corpus)).isNull();
        assertThat(fx(() -> window.map().mapLayout().points())).isEqualTo(402);
        try (PlacedMap expected = PlacedMap.open(CorpusSpec.defaults(map))) {
            assertThat(fx(() -> window.map().mapLayout().x())).containsExactly(expected.layout().x());
            assertThat(fx(() -> window.map().colouring().categories())).hasSize(6);

            int row = expected.corpus().indexOf("en-0027");
            List<Neighbour> truth = expected.neighbours(row, PlacedMapViewModel.NEIGHBOURS);
            fx(() -> placed.select(row));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> placed.neighbours().size() == truth.size()));
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> table = node(robot, "#placed-neighbours");
            assertThat(fx(() -> table.getItems().size())).isEqualTo(PlacedMapViewModel.NEIGHBOURS);
            assertThat(fx(() -> placed.neighbours().stream().map(NeighbourRow::index).toList()))
                    .isEqualTo(truth.stream().map(Neighbour::index).toList());
            assertThat(fx(() -> window.map().focusedPoint())).isEqualTo(row);
            assertThat(fx(() -> placed.headingProperty().get())).contains("Nearest to").contains("eSIM");
            assertThat(fx(() -> placed.statusProperty().get())).contains("402 vectors scored in the file");
        }
        PngFile.write(fx(() -> window.stage().getScene().snapshot(null)), Fixtures.screenshots().resolve("placed-map.png"));
    }
}
