package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.embex.desktop.Fixtures;
import org.embex.desktop.map.LabelPlacement;
import org.embex.desktop.map.MapLabels;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.Viewport;
import org.embex.desktop.plot.PngFile;
import org.embex.desktop.viewmodel.DuplicateList;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.NeighbourList;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Workspace;

/**
 * What the map draws besides its points, and which points it draws, in the real window: the
 * groups' names, and the Filter tab that the map, neighbours, near-duplicates and exports follow.
 * Screenshots for the closing note.
 */
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
        shown = WindowUnderTest.show(window, workspace);
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

    private String largestInView(int level) {
        return fx(() -> {
            Viewport view = explorer.map().viewport();
            return model.labelsProperty().get().levels().get(level).stream()
                    .filter(place -> inside(view, place))
                    .max(java.util.Comparator.comparingInt(MapLabels.Place::size))
                    .orElseThrow().text();
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
        int coarsest = fx(() -> model.labelsProperty().get().levels().size()) - 1;
        if (outLevel < coarsest) {
            assertThat(out).extracting(LabelPlacement.Placed::text).containsExactlyInAnyOrderElementsOf(namesInView(outLevel));
        } else {
            // Nothing coarser is left: the largest groups are written, and one that would overlap them is not.
            assertThat(out).extracting(LabelPlacement.Placed::text).isSubsetOf(namesInView(outLevel))
                    .contains(largestInView(outLevel));
        }
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

    @Test
    void theMapNeighboursDuplicatesAndExportFollowTheFilter(FxRobot robot) throws Exception {
        EmbeddedCorpus corpus = model.corpus();
        Set<String> kept = Set.of("billing", "roaming");
        // A tab behind others has no pane in the scene (its skins and CSS cost the start) until chosen.
        assertThat(fx(() -> explorer.lookup("#filter-summary"))).isNull();
        fx(() -> {
            TabPane tabs = (TabPane) explorer.lookup(".tab-pane");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tab.getText().equals("Filter")).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> model.filters().keep("label", kept));
        // The check list shows the filter, whoever set it.
        assertThat(fx(() -> explorer.filterPane().checked("label"))).isEqualTo(2);
        // The legend says how many of each label pass, never hiding the whole count.
        assertThat(fx(() -> explorer.legend().countTexts())).containsExactly("0 of 82", "40", "0 of 40", "0 of 40", "0 of 40",
                "0 of 40", "40", "0 of 40", "0 of 40");
        BitSet passing = new BitSet();
        for (int i = 0; i < corpus.size(); i++) {
            if (kept.contains(corpus.row(i).label())) {
                passing.set(i);
            }
        }
        assertThat(passing.cardinality()).isEqualTo(80);
        // The map hides every other row.
        BitSet hidden = fx(() -> explorer.map().hidden());
        BitSet expectedHidden = new BitSet();
        expectedHidden.set(0, corpus.size());
        expectedHidden.andNot(passing);
        assertThat(hidden).isEqualTo(expectedHidden);
        fx(() -> explorer.map().fitAll());
        fx(() -> explorer.map().redrawIfDirty());
        assertThat(fx(() -> explorer.map().drawnPoints())).isEqualTo(80);
        assertThat(fx(() -> ((Label) explorer.lookup("#filter-summary")).getText()))
                .startsWith("80 of 402 texts pass").contains("--where 'label=billing,roaming'");

        // A text filter typed in the search box narrows it further: both hold.
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> explorer.filterPane().search("text")));
        robot.write("bill");
        WaitForAsyncUtils.waitForFxEvents();
        BitSet both = new BitSet();
        passing.stream().filter(i -> corpus.row(i).text().toLowerCase(java.util.Locale.ROOT).contains("bill")).forEach(both::set);
        assertThat(both.cardinality()).isBetween(1, 79);
        BitSet nowHidden = fx(() -> explorer.map().hidden());
        assertThat(nowHidden.cardinality()).isEqualTo(corpus.size() - both.cardinality());
        PngFile.write(fx(() -> stage.getScene().snapshot(null)), Fixtures.screenshots().resolve("map-filtered.png"));
        fx(() -> model.filters().contains("text", ""));

        // Neighbours come only from the rows that pass.
        int billingRow = passing.nextSetBit(0);
        fx(() -> model.neighbours().pickPoint(billingRow));
        NeighbourList listed = fx(() -> model.neighbours().neighboursProperty().get());
        assertThat(listed.rows()).hasSize(10).allSatisfy(row -> assertThat(kept).contains(row.label()));

        // Near-duplicates are found among them, numbered as on the map.
        fx(() -> model.duplicates().thresholdProperty().set(0.7));
        var finding = fx(() -> model.duplicates().find());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, finding::isDone);
        WaitForAsyncUtils.waitForFxEvents();
        DuplicateList found = fx(() -> model.duplicates().foundProperty().get());
        assertThat(found.groups()).isNotEmpty();
        found.groups().forEach(group -> group.members().forEach(member -> assertThat(passing.get(member.index())).isTrue()));

        // The texts that pass are selected and exported, and only they.
        fx(() -> model.selection().selectShown());
        Path target = Files.createTempDirectory("embex-filter-window").resolve("filtered.csv");
        var exporting = fx(() -> model.selection().export(target, model.selection().selectionProperty().get().indices()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, exporting::isDone);
        try (CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().build().parse(Files.newBufferedReader(target))) {
            List<CSVRecord> written = rows.getRecords();
            assertThat(written).hasSize(80).allSatisfy(row -> assertThat(kept).contains(row.get("label")));
        }

        fx(() -> model.filters().clear());
        assertThat(fx(() -> explorer.map().hidden()).isEmpty()).isTrue();
    }
}
