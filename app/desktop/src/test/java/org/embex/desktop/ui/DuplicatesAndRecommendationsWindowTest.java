package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.click;
import static org.embex.desktop.OnFxThread.fx;
import static org.embex.desktop.OnFxThread.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.control.Button;
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
import org.embex.desktop.plot.PngFile;
import org.embex.desktop.viewmodel.DuplicateList;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.RecommendationList;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.NearDuplicates;
import org.embex.usecase.Workspace;

/**
 * Near-duplicates and recommendations in the real window: the duplicates tab follows the
 * workbench's threshold, lists the groups the command finds and selects one on the map; the
 * selection's "Recommend similar" lists texts like it, none of them selected. Screenshots for the
 * closing note.
 */
@ExtendWith(ApplicationExtension.class)
class DuplicatesAndRecommendationsWindowTest {

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

    private void front(String title) {
        fx(() -> {
            TabPane tabs = (TabPane) explorer.lookup(".tab-pane");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tab.getText().equals(title)).findFirst().orElseThrow());
        });
    }

    private String frontTab() {
        return fx(() -> ((TabPane) explorer.lookup(".tab-pane")).getSelectionModel().getSelectedItem().getText());
    }

    @Test
    void theDuplicatesTabListsTheCommandsGroupsAndSelectsOneOnTheMap(FxRobot robot) throws Exception {
        front("Duplicates");
        fx(() -> model.workbench().choose(0.70004));
        assertThat(fx(() -> model.duplicates().thresholdProperty().get())).isEqualTo(0.7);

        click(robot, "#find-duplicates");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.duplicates().foundProperty().get()) != DuplicateList.NONE);
        WaitForAsyncUtils.waitForFxEvents();

        NearDuplicates.Found expected = NearDuplicates.find(workspace, model.corpus(), 0.7, NearDuplicates.EXACT_UP_TO,
                ProgressListener.NONE);
        List<String> headings = fx(() -> explorer.duplicatesPane().groupHeadings());
        assertThat(headings).hasSize(expected.groups().size());
        assertThat(headings.get(0)).startsWith("Group 1 · " + expected.groups().get(0).size() + " texts");
        // The map is coloured by the groups, each named by its representative's text.
        assertThat(fx(() -> model.colourByProperty().get())).isEqualTo(ExplorerViewModel.COLOUR_DUPLICATES);
        String firstRepresentative = model.corpus().row(expected.groups().get(0).representative()).text();
        assertThat(fx(() -> model.colouringProperty().get().categories()).stream().map(category -> category.name()))
                .anyMatch(name -> firstRepresentative.startsWith(name.replace("…", "")));
        fx(() -> explorer.duplicatesPane().pickGroup(0));
        BitSet selected = fx(() -> model.selection().selectionProperty().get().points());
        BitSet group = new BitSet();
        for (int member : expected.groups().get(0).members()) {
            group.set(member);
        }
        assertThat(selected).isEqualTo(group);
        PngFile.write(fx(() -> stage.getScene().snapshot(null)), Fixtures.screenshots().resolve("duplicates-view.png"));

        Path target = Files.createTempDirectory("embex-duplicates-window").resolve("groups.jsonl");
        var exporting = fx(() -> model.duplicates().export(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, exporting::isDone);
        assertThat(Files.readAllLines(target)).hasSize(expected.grouping().rows());
    }

    @Test
    void theSelectionRecommendsTextsLikeItNoneOfThemSelected(FxRobot robot) throws TimeoutException {
        // The liked texts: every question labelled roaming.
        BitSet liked = new BitSet();
        for (int row = 0; row < model.corpus().size(); row++) {
            if ("roaming".equals(model.corpus().row(row).label())) {
                liked.set(row);
            }
        }
        front("Selection");
        fx(() -> model.selection().select(liked));
        WaitForAsyncUtils.waitForFxEvents();
        // Every button of the selection shows its whole name at the side pane's width.
        for (String id : List.of("#recommend-similar", "#export")) {
            Button button = node(robot, id);
            assertThat(fx(() -> button.getWidth())).as(id).isGreaterThanOrEqualTo(fx(() -> button.prefWidth(-1)));
        }

        click(robot, "#recommend-similar");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> model.recommendations().recommendationsProperty().get()) != RecommendationList.NONE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(frontTab()).isEqualTo("Similar");
        List<RecommendationList.Row> rows = fx(() -> explorer.recommendationsPane().rows());
        assertThat(rows).hasSize(20);
        for (RecommendationList.Row row : rows) {
            assertThat(liked.get(row.index())).isFalse();
            assertThat(row.because()).isNotBlank();
        }
        assertThat(fx(() -> explorer.map().mapLayout().points())).isEqualTo(model.corpus().size());
        PngFile.write(fx(() -> stage.getScene().snapshot(null)), Fixtures.screenshots().resolve("recommendations-view.png"));
    }
}
