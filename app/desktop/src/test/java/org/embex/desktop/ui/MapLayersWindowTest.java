package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.ui.WindowUnderTest.fx;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.embex.desktop.Fixtures;
import org.embex.desktop.map.LabelPlacement;
import org.embex.desktop.map.MapLabels;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.Viewport;
import org.embex.desktop.plot.PngFile;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.Workspace;

/** What the map draws besides its points, in the real window: the groups' names. Screenshots for the closing note. */
@ExtendWith(ApplicationExtension.class)
class MapLayersWindowTest {

    private Workspace workspace;
    private WindowUnderTest shown;
    private Explorer explorer;
    private ExplorerViewModel model;
    private Stage stage;

    @Start
    void start(Stage window) throws Exception {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
        stage = window;
        shown = WindowUnderTest.show(window, workspace, "org/embex/desktop-map-layers-window-test");
        explorer = shown.explorer();
        model = explorer.model();
    }

    @BeforeEach
    void openTheSample() throws TimeoutException {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(Fixtures.sample("en"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.corpus() != null && model.layoutJob() != null
                && model.layoutJob().isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        shown.close();
        workspace.close();
    }

    private List<LabelPlacement.Placed> placed() {
        return fx(() -> {
            explorer.map().redrawIfDirty();
            return explorer.map().placedLabels();
        });
    }

    /** The names of the level the map chose whose groups' centres are in view: each of them must be written. */
    private List<String> namesInView(int level) {
        return fx(() -> {
            MapView map = explorer.map();
            Viewport view = map.viewport();
            return model.labelsProperty().get().levels().get(level).stream()
                    .filter(place -> inside(view, place))
                    .map(MapLabels.Place::text)
                    .toList();
        });
    }

    private static boolean inside(Viewport view, MapLabels.Place place) {
        double x = view.screenX(place.x());
        double y = view.screenY(place.y());
        return x >= 0 && y >= 0 && x <= view.width() && y <= view.height();
    }

    private void noneOverlapAndAllInsideTheMap(List<LabelPlacement.Placed> names) {
        double width = fx(() -> explorer.map().getWidth());
        double height = fx(() -> explorer.map().getHeight());
        for (int a = 0; a < names.size(); a++) {
            LabelPlacement.Placed box = names.get(a);
            assertThat(box.x()).isGreaterThanOrEqualTo(0);
            assertThat(box.y()).isGreaterThanOrEqualTo(0);
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(width);
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(height);
            for (int b = a + 1; b < names.size(); b++) {
                LabelPlacement.Placed other = names.get(b);
                boolean apart = box.x() + box.width() <= other.x() || other.x() + other.width() <= box.x()
                        || box.y() + box.height() <= other.y() || other.y() + other.height() <= box.y();
                assertThat(apart).as("“%s” and “%s” apart", box.text(), other.text()).isTrue();
            }
        }
    }

    @Test
    void theClustersAreNamedOnTheMapCoarserZoomedOutFinerZoomedInNoneOverlapping() throws TimeoutException {
        fx(() -> model.colourByProperty().set(ExplorerViewModel.COLOUR_CLUSTER));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.labelsProperty().get().levels().size()) > 1);
        WaitForAsyncUtils.waitForFxEvents();
        int clusters = fx(() -> model.labelsProperty().get().levels().get(0).size());
        assertThat(clusters).isEqualTo(fx(() -> model.colouringProperty().get().categories().size()));

        List<LabelPlacement.Placed> whole = placed();
        assertThat(whole).isNotEmpty();
        int wholeLevel = whole.get(0).level();
        assertThat(whole).extracting(LabelPlacement.Placed::text).containsExactlyInAnyOrderElementsOf(namesInView(wholeLevel));
        noneOverlapAndAllInsideTheMap(whole);
        PngFile.write(fx(() -> stage.getScene().snapshot(null)), Fixtures.screenshots().resolve("map-names-light.png"));

        // Zoomed out, the clusters crowd: their clusters are named instead.
        fx(() -> explorer.map().zoom(1 / 3.0));
        List<LabelPlacement.Placed> out = placed();
        assertThat(out).isNotEmpty();
        int outLevel = out.get(0).level();
        assertThat(outLevel).isGreaterThan(wholeLevel);
        assertThat(out).extracting(LabelPlacement.Placed::text).containsExactlyInAnyOrderElementsOf(namesInView(outLevel));
        noneOverlapAndAllInsideTheMap(out);
        fx(() -> model.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        PngFile.write(fx(() -> stage.getScene().snapshot(null)), Fixtures.screenshots().resolve("map-names-zoomed-out-dark.png"));
        fx(() -> model.darkProperty().set(false));

        // View › Names on the map switches them off.
        fx(() -> model.labelsShownProperty().set(false));
        assertThat(placed()).isEmpty();
        fx(() -> model.labelsShownProperty().set(true));
    }

    @Test
    void aLabelHiddenInTheLegendIsNotNamed() {
        fx(() -> model.colourByProperty().set(ExplorerViewModel.COLOUR_LABEL));
        fx(() -> explorer.map().fitAll());
        List<String> names = placed().stream().map(LabelPlacement.Placed::text).toList();
        assertThat(names).contains("billing", "roaming");
        int billing = fx(() -> model.colouringProperty().get().categories().stream().map(c -> c.name()).toList()).indexOf("billing");
        fx(() -> model.hiddenCategoriesProperty().set(Set.of(billing)));
        assertThat(placed()).extracting(LabelPlacement.Placed::text).doesNotContain("billing").contains("roaming");
    }
}
