package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.click;
import static org.embex.desktop.OnFxThread.fx;
import static org.embex.desktop.OnFxThread.node;
import static org.embex.desktop.OnFxThread.showing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.embex.desktop.Fixtures;
import org.embex.desktop.plot.PngFile;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.Job;
import org.embex.desktop.viewmodel.NeighbourRow;
import org.embex.usecase.CacheUpkeep;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.GateStudy;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/**
 * The real explorer window, headless, for what only a scene shows: drawing, the mouse, the
 * keyboard, dialogs and the tool windows, over real models and a real cache. What the window
 * does with a gesture is the view model's, tested without a screen in ExplorerViewModelTest.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerTest {

    private static Workspace workspace;
    private WindowUnderTest shown;
    private Explorer explorer;
    private ExplorerViewModel model;
    private Stage stage;

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
        stage = window;
        shown = WindowUnderTest.show(window, workspace);
        explorer = shown.explorer();
        model = explorer.model();
    }

    @AfterEach
    void close() {
        shown.close();
    }

    private void openAndWait(Path file) throws TimeoutException {
        Platform.runLater(() -> model.open(CorpusSpec.defaults(file)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.corpus() != null
                && model.corpus().spec().file().equals(file)
                && model.layoutJob() != null && model.layoutJob().isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        PngFile.write(fx(() -> stage.getScene().snapshot(null)),
                Fixtures.screenshots().resolve(name));
    }

    @Test
    void theSampleOpensEmbedsAndShowsEveryPoint() throws TimeoutException {
        openAndWait(Fixtures.sample("en"));

        EmbeddedCorpus corpus = model.corpus();
        assertThat(corpus.size()).isEqualTo(402);
        assertThat(explorer.map().mapLayout().points()).isEqualTo(402);
        assertThat(fx(() -> model.layoutJob().state())).isEqualTo(Job.State.SUCCEEDED);
        assertThat(fx(() -> model.colourByProperty().get())).isEqualTo(ExplorerViewModel.COLOUR_LABEL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> explorer.map().drawnPoints() == 402);
        assertThat(explorer.map().colouring().categories()).hasSize(9);
        snapshot("explorer-sample-en.png");
        // 402 points do not overplot: no density until asked for (View › Density), and then the map shades it.
        assertThat(fx(() -> model.densityProperty().get())).isFalse();
        assertThat(explorer.map().density()).isFalse();
        assertThat(fx(() -> explorer.legend().densityShown())).isFalse();
        fx(() -> model.densityProperty().set(true));
        assertThat(fx(() -> explorer.map().density())).isTrue();
        // The shading has its colour bar under the legend, from a thin scatter to the densest crowd.
        assertThat(fx(() -> explorer.legend().densityShown())).isTrue();
        assertThat(fx(() -> explorer.legend().lookupAll(".legend-title").stream().map(n -> ((Label) n).getText()).toList()))
                .contains("Label", "Point density");
        snapshot("explorer-density-legend.png");
        fx(() -> model.densityProperty().set(false));
        assertThat(fx(() -> explorer.legend().densityShown())).isFalse();
    }

    @Test
    void clickingAPointListsItsNearestTexts(FxRobot robot) throws TimeoutException {
        openAndWait(Fixtures.sample("en"));
        EmbeddedCorpus corpus = model.corpus();
        int target = isolatedPoint();
        double[] local = explorer.map().screenPosition(target);
        Point2D onScreen = fx(() -> explorer.map().localToScreen(local[0], local[1]));

        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> explorer.neighbours().rows().size()) == 10);

        // The expected list, by brute force over the vectors, independent of the engine's top-k.
        List<Integer> expected = IntStream.range(0, corpus.size()).filter(i -> i != target).boxed()
                .sorted(Comparator.comparingDouble(i -> -Metric.cosine(corpus.vectors().row(target), corpus.vectors().row(i))))
                .limit(10).toList();
        assertThat(fx(() -> explorer.neighbours().rows()).stream().map(NeighbourRow::index).toList()).isEqualTo(expected);
        assertThat(fx(() -> explorer.neighbours().rows()).get(0).text()).isEqualTo(corpus.row(expected.get(0)).text());
        // No label is cut while there is room ("cancel_cont…"): the Label column is as wide as its longest label needs.
        TableView<?> table = node(robot, "#neighbours");
        double longest = fx(() -> explorer.neighbours().rows().stream()
                .mapToDouble(row -> new javafx.scene.text.Text(row.label()).getLayoutBounds().getWidth()).max().orElse(0));
        assertThat(fx(() -> table.getColumns().get(2).getWidth())).isGreaterThan(longest + 10);
        snapshot("explorer-neighbours.png");
    }

    /** A point with no other within 12 pixels, so a click on it can only mean it. */
    private int isolatedPoint() {
        var map = explorer.map();
        int n = map.mapLayout().points();
        for (int i = 0; i < n; i++) {
            double[] p = map.screenPosition(i);
            if (p[0] < 40 || p[1] < 40 || p[0] > map.getWidth() - 40 || p[1] > map.getHeight() - 40) {
                continue;
            }
            boolean alone = true;
            for (int j = 0; j < n && alone; j++) {
                double[] q = map.screenPosition(j);
                alone = j == i || Math.hypot(p[0] - q[0], p[1] - q[1]) > 12;
            }
            if (alone) {
                return i;
            }
        }
        throw new AssertionError("no isolated point on the map");
    }

    @Test
    void aTypedQueryFindsTextsOfItsIntent(FxRobot robot) throws TimeoutException {
        openAndWait(Fixtures.sample("en"));
        click(robot, "#query").write("How much does it cost to use my phone abroad in Spain?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> explorer.neighbours().rows().size()) == 10);

        long roaming = fx(() -> explorer.neighbours().rows()).stream().limit(5).filter(row -> "roaming".equals(row.label())).count();
        assertThat(roaming).isGreaterThanOrEqualTo(4);
        snapshot("explorer-query.png");
    }

    @Test
    void cancelStopsEmbeddingAndKeepsTheOpenCorpus(FxRobot robot, @TempDir Path dir) throws Exception {
        openAndWait(Fixtures.sample("en"));
        Path big = syntheticCorpus(dir.resolve("big.csv"), 6000, 7);
        Platform.runLater(() -> model.open(CorpusSpec.defaults(big)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.mainJob() != null
                && model.mainJob().title().startsWith("Embedding") && model.mainJob().progressProperty().get() > 0.02));

        Job<?> embedding = model.mainJob();
        click(robot, "#cancel");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> fx(() -> embedding.state() == Job.State.CANCELLED));
        // The work itself stops within a batch or two: the cache stops growing.
        Thread.sleep(1500);
        long settled = CacheUpkeep.stats(workspace.cacheFile()).vectors();
        Thread.sleep(1500);
        assertThat(CacheUpkeep.stats(workspace.cacheFile()).vectors()).isEqualTo(settled);
        assertThat(settled).isLessThan(6000 + 402);
        assertThat(model.corpus().size()).isEqualTo(402);
        assertThat(explorer.status().message()).contains("cancelled");
    }

    @Test
    void aBrokenFileShowsWhereItBreaksAndTheAppGoesOn(FxRobot robot, @TempDir Path dir) throws Exception {
        openAndWait(Fixtures.sample("en"));
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "id,text,label\n1,fine,a\n2,\"never closed,b\n3,ok,c\n", StandardCharsets.UTF_8);

        Platform.runLater(() -> model.chooseColumns(broken));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#import-problem"));
        Label problem = node(robot, "#import-problem");
        assertThat(problem.getText()).contains("broken.csv").contains("line 3");
        DialogPane dialog = node(robot, "#import-dialog");
        assertThat(dialog.lookupButton(ButtonType.OK).isDisabled()).isTrue();
        snapshot("import-error.png");
        fx(() -> ((Button) dialog.lookupButton(ButtonType.CANCEL)).fire());

        Platform.runLater(() -> model.open(CorpusSpec.defaults(broken)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#error-dialog"));
        DialogPane error = node(robot, "#error-dialog");
        assertThat(error.getContentText()).contains("line 3");
        fx(() -> ((Button) error.lookupButton(ButtonType.OK)).fire());

        // Still the sample, still answering.
        assertThat(model.corpus().size()).isEqualTo(402);
        click(robot, "#query").write("my bill is wrong").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !fx(() -> explorer.neighbours().rows()).isEmpty());
    }

    @Test
    void aRowThatDoesNotFitStopsTheImportUntilItIsSkippedAndThenIsListed(FxRobot robot, @TempDir Path dir) throws Exception {
        openAndWait(Fixtures.sample("en"));
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i == 4 ? "my bill,billing,extra" : "my bill is wrong number " + i + ",billing")
                    .append('\n');
        }
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), csv, StandardCharsets.UTF_8);

        Platform.runLater(() -> model.chooseColumns(ragged));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#import-problem"));
        Label problem = node(robot, "#import-problem");
        DialogPane dialog = node(robot, "#import-dialog");
        assertThat(problem.getText()).contains("ragged.csv: line 6, column 4: 4 cells where the header has 3")
                .contains("Skip rows that do not fit");
        assertThat(dialog.lookupButton(ButtonType.OK).isDisabled()).isTrue();

        fx(() -> ((javafx.scene.control.CheckBox) dialog.lookup("#skip-bad-rows")).setSelected(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !dialog.lookupButton(ButtonType.OK).isDisabled()));
        assertThat(fx(problem::getText)).isEqualTo(ragged + ": skipped 1 bad row: line 6, column 4: 4 cells where the header has 3");
        PngFile.write(fx(() -> dialog.getScene().snapshot(null)), Fixtures.screenshots().resolve("import-skipping.png"));
        fx(() -> ((Button) dialog.lookupButton(ButtonType.OK)).fire());

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.corpus() != null
                && model.corpus().spec().file().equals(ragged)));
        assertThat(model.corpus().size()).isEqualTo(29);
        Label banner = node(robot, "#warning");
        assertThat(fx(banner::getText)).contains("skipped 1 bad row: line 6, column 4");
        assertThat(fx(banner::isVisible)).isTrue();
        snapshot("explorer-skipped-rows.png");
    }

    /**
     * A watchdog posts to the JavaFX thread every 10 ms and measures, for each post, how much
     * processor time the JavaFX thread spent before it got to it: that is the time the thread was
     * kept busy by work queued before, ours or JavaFX's. Wall-clock waits are reported too; on two
     * cores shared with the embedding they also contain the operating system's scheduling.
     */
    @Test
    void theJavaFxThreadStaysResponsiveWhileEmbeddingAndProjecting(@TempDir Path dir) throws Exception {
        Path corpus = syntheticCorpus(dir.resolve("watched.csv"), 1500, 11);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxThread = fx(() -> Thread.currentThread().getId());
        AtomicLong busiest = new AtomicLong();
        AtomicLong longestWait = new AtomicLong();
        AtomicBoolean watching = new AtomicBoolean(true);
        // The window's first showing (CSS, skins) is start-up, not the work under watch: let it settle.
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        Thread watchdog = new Thread(() -> {
            while (watching.get()) {
                long posted = System.nanoTime();
                long cpuAtPost = threads.getThreadCpuTime(fxThread);
                Platform.runLater(() -> {
                    busiest.accumulateAndGet(threads.getThreadCpuTime(fxThread) - cpuAtPost, Math::max);
                    longestWait.accumulateAndGet(System.nanoTime() - posted, Math::max);
                });
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            openAndWait(corpus);
        } finally {
            watching.set(false);
            watchdog.join();
        }
        double busyMillis = busiest.get() / 1e6;
        System.out.printf("JavaFX thread while embedding and mapping 1,500 texts: longest busy stretch %.1f ms of "
                + "processor time; longest wall-clock wait %.1f ms%n", busyMillis, longestWait.get() / 1e6);
        assertThat(model.corpus().size()).isEqualTo(1500);
        assertThat(busyMillis).isLessThan(100);
    }

    @Test
    void aBoxSelectionFillsTheTable(FxRobot robot) throws Exception {
        openAndWait(Fixtures.sample("en"));
        var map = explorer.map();
        double right = Math.floor(map.getWidth() / 2);
        double bottom = Math.floor(map.getHeight() - 5);
        Point2D from = fx(() -> map.localToScreen(5, 5));
        Point2D to = fx(() -> map.localToScreen(right, bottom));
        long expected = IntStream.range(0, 402).filter(i -> inBox(map.screenPosition(i), 5, 5, right, bottom, 0)).count();

        robot.press(KeyCode.SHIFT).drag(from).dropTo(to).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        // The robot lands on whole pixels: points within 2 px of the box's edge may fall either way.
        List<Integer> selected = explorer.selectionPane().indices();
        for (int i = 0; i < 402; i++) {
            double[] p = map.screenPosition(i);
            if (inBox(p, 5, 5, right, bottom, 2)) {
                assertThat(selected).contains(i);
            } else if (!inBox(p, 5, 5, right, bottom, -2)) {
                assertThat(selected).doesNotContain(i);
            }
        }
        assertThat(expected).isBetween(20L, 390L);
        snapshot("explorer-selection.png");
    }

    @Test
    void aModelThatCannotReadTheCorpusIsWarnedAboutAndTheBannerSwitchesToOneThatCan(FxRobot robot) throws TimeoutException {
        openAndWait(Fixtures.sample("zh"));
        click(robot, "#model");
        click(robot, "all-minilm-l6-v2");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> model.corpus().model().equals("all-minilm-l6-v2")
                && model.layoutJob() != null && model.layoutJob().isDone()));
        Label warning = fx(() -> (Label) stage.getScene().lookup("#warning"));
        Button switchModel = fx(() -> (Button) stage.getScene().lookup("#switch-model"));
        assertThat(fx(warning::isVisible)).isTrue();
        assertThat(fx(warning::getText)).contains("all-minilm-l6-v2 does not know").contains("tokens")
                .contains("bge-small-zh-v1.5 reads it (-m bge-small-zh-v1.5)");
        assertThat(fx(switchModel::isVisible)).isTrue();
        assertThat(fx(switchModel::getText)).isEqualTo("Use bge-small-zh-v1.5");
        fx(() -> model.darkProperty().set(true));
        snapshot("explorer-zh-minilm-dark.png");

        click(robot, "#switch-model");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> model.corpus().model().equals("bge-small-zh-v1.5")
                && model.layoutJob() != null && model.layoutJob().isDone()));
        assertThat(fx(warning::isVisible)).isFalse();
        assertThat(fx(switchModel::isVisible)).isFalse();
        snapshot("explorer-zh-bge-dark.png");
        fx(() -> model.darkProperty().set(false));
    }

    @Test
    void theWorkbenchRefusesAnyLabelOfTheOpenCorpusAsEvalGateDoes() throws TimeoutException {
        openAndWait(Fixtures.sample("en"));
        fx(() -> model.workbench().open());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> explorer.tools().thresholdShowing()));
        // The workbench opens beside the map's window, not over it.
        Stage workbench = explorer.tools().thresholdWindow().stage();
        assertThat(fx(() -> new javafx.geometry.Rectangle2D(workbench.getX(), workbench.getY(), workbench.getWidth(), workbench.getHeight())
                .intersects(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))).isFalse();
        var scene = workbench.getScene();
        @SuppressWarnings("unchecked")
        ComboBox<String> refuse = fx(() -> (ComboBox<String>) scene.lookup("#refuse-label"));
        Label summary = fx(() -> (Label) scene.lookup("#study-summary"));
        assertThat(fx(refuse::getValue)).isEqualTo(ThresholdWindow.USUAL_SPELLINGS);
        assertThat(fx(summary::getText)).contains("in scope vs 'out_of_scope'");
        assertThat(fx(refuse::getItems)).contains("billing", "roaming", "out_of_scope");

        fx(() -> refuse.setValue("billing"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(summary::getText).contains("in scope vs 'billing'"));
        // What `eval gate FILE --out-of-scope billing` prints for the sample.
        double auroc = GateStudy.splitting(model.corpus(), "billing").orElseThrow().report().auroc();
        assertThat(fx(summary::getText)).contains(String.format("AUROC %.4f", auroc));
        assertThat(fx(refuse::getValue)).isEqualTo("billing");
    }

    @Test
    void theThresholdWorkbenchShowsTheGateAndAPickedTextOnTheMap() throws Exception {
        openAndWait(Fixtures.sample("en"));
        fx(() -> model.workbench().open());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> explorer.tools().thresholdShowing()));
        var pane = explorer.tools().thresholdWindow().pane();
        // The sample: 160 in-scope reference rows, 160 in-scope queries and 82 out-of-scope ones.
        Label tp = fx(() -> (Label) pane.lookup("#tp"));
        Label fn = fx(() -> (Label) pane.lookup("#fn"));
        Label fp = fx(() -> (Label) pane.lookup("#fp"));
        Label tn = fx(() -> (Label) pane.lookup("#tn"));
        fx(() -> pane.select("TPR 95%"));
        long positives = Long.parseLong(fx(tp::getText)) + Long.parseLong(fx(fn::getText));
        long negatives = Long.parseLong(fx(fp::getText)) + Long.parseLong(fx(tn::getText));
        assertThat(positives).isEqualTo(160);
        assertThat(negatives).isEqualTo(82);
        assertThat(Long.parseLong(fx(tp::getText))).isGreaterThanOrEqualTo(152);
        PngFile.write(fx(() -> explorer.tools().thresholdWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("threshold-workbench-en.png"));
        // Half a 1600-pixel screen, as beside the map on a laptop: nothing runs past the window's edge and no word is cut.
        Stage workbenchStage = explorer.tools().thresholdWindow().stage();
        nothingCutAt800(workbenchStage);
        for (String list : List.of("#false-accepts", "#false-rejects")) {
            javafx.scene.Node shown = fx(() -> pane.lookup(list));
            assertThat(fx(() -> shown.localToScene(shown.getLayoutBounds()).getMaxX())).as(list).isLessThanOrEqualTo(800.5);
        }
        cellsShowTheirWholeText(workbenchStage);
        PngFile.write(fx(() -> workbenchStage.getScene().snapshot(null)), Fixtures.screenshots().resolve("threshold-workbench-narrow.png"));

        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.embex.desktop.threshold.ScoredText> accepts =
                fx(() -> (javafx.scene.control.ListView<org.embex.desktop.threshold.ScoredText>) pane.lookup("#false-accepts"));
        if (!fx(() -> accepts.getItems().isEmpty())) {
            var first = fx(() -> accepts.getItems().get(0));
            fx(() -> accepts.getSelectionModel().select(0));
            assertThat(fx(() -> explorer.neighbours().rows().size())).isEqualTo(10);
            assertThat(model.corpus().row(first.row()).label()).isEqualTo("out_of_scope");
        }

        // The export button's file chooser needs a person; what it does with the file chosen:
        Path gate = Files.createTempDirectory("gate").resolve("gate.json");
        double threshold = fx(pane::threshold);
        fx(() -> explorer.tools().thresholdWindow().exportTo(gate));
        var read = org.embex.gate.GateFile.read(gate);
        assertThat(read.threshold()).isEqualTo(threshold);
        assertThat(read.modelId()).isEqualTo("all-minilm-l6-v2");
        assertThat(read.anchors().rows()).isEqualTo(160);
        // Escape closes the workbench, as a dialog closes; the map's window stays.
        fx(() -> pane.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        assertThat(fx(() -> explorer.tools().thresholdShowing())).isFalse();
        assertThat(fx(() -> stage.isShowing())).isTrue();
    }

    @Test
    void twoModelsSideBySideShareHoverClicksAndSelections(FxRobot robot) throws Exception {
        openAndWait(Fixtures.sample("en"));
        fx(() -> model.comparison().compareWith("bge-small-zh-v1.5"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> explorer.tools().compareShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        var pane = explorer.tools().compareWindow().pane();
        var left = pane.firstMap();
        var right = pane.secondMap();
        assertThat(right.mapLayout().points()).isEqualTo(402);

        // A click on a point of the left map rings the same text in the right one. The point is one
        // no other lies within a pixel of: the robot clicks on whole pixels.
        int target = -1;
        for (int i = 0; i < 402 && target < 0; i++) {
            double[] p = fxAt(left::screenPosition, i);
            int point = i;
            if (p[0] > 30 && p[1] > 30 && p[0] < left.getWidth() - 30 && p[1] < left.getHeight() - 30
                    && fx(() -> aloneWithinAPixel(left, p, point))) {
                target = i;
            }
        }
        int row = target;
        double[] at = fxAt(left::screenPosition, row);
        robot.clickOn(fx(() -> left.localToScreen(at[0], at[1])));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(left::focusedPoint)).isEqualTo(row);
        assertThat(fx(right::focusedPoint)).isEqualTo(row);

        // A box drawn on the right map selects the same rows on the left.
        var from = fx(() -> right.localToScreen(10, 10));
        var to = fx(() -> right.localToScreen(right.getWidth() / 2, right.getHeight() / 2));
        robot.press(KeyCode.SHIFT).drag(from).dropTo(to).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.BitSet selected = fx(right::selection);
        assertThat(selected.cardinality()).isPositive();
        assertThat(fx(left::selection)).isEqualTo(selected);
        // The legend says what the colours mean on both maps; an entry switched off hides its points on both.
        List<ToggleButton> entries = fx(() -> pane.lookupAll(".legend-entry").stream().map(n -> (ToggleButton) n).toList());
        assertThat(entries).hasSize(9);
        fx(() -> entries.get(0).fire());
        assertThat(fx(() -> left.hidden().cardinality())).isEqualTo(82);
        assertThat(fx(right::hidden)).isEqualTo(fx(left::hidden));
        // Coloured by how far the two models agree, the legend is a colour bar, and nothing stays hidden.
        @SuppressWarnings("unchecked")
        ComboBox<String> colour = node(robot, "#compare-colour");
        fx(() -> colour.setValue("Neighbour agreement"));
        assertThat(fx(() -> pane.lookupAll(".legend-entry"))).isEmpty();
        assertThat(fx(() -> pane.lookupAll(".legend-title").stream().map(n -> ((Label) n).getText()).toList()))
                .containsExactly("Neighbour agreement (of the 10 nearest)");
        assertThat(fx(() -> left.hidden().isEmpty() && right.hidden().isEmpty())).isTrue();
        PngFile.write(fx(() -> explorer.tools().compareWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("compare-en-agreement.png"));
        fx(() -> colour.setValue("Label"));
        // STS pairs (no header, STS Benchmark's layout) add each model's Spearman to the metrics.
        Path sts = Files.writeString(Files.createTempFile("sts", ".csv"), String.join("\n",
                "my bill is too high,why was I charged so much,4.2", "my bill is too high,the weather is nice today,0.1",
                "I lost my SIM card,my SIM card was stolen,4.0", "I lost my SIM card,can I roam in Spain,0.3",
                "no signal at home,coverage is bad in my street,4.4", "no signal at home,how do I cancel my contract,0.5") + "\n");
        var scoring = fx(() -> model.comparison().scoreSts(sts));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, scoring::isDone);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> pane.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList())).contains("STS Spearman");
        PngFile.write(fx(() -> explorer.tools().compareWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("compare-en.png"));
        nothingCutAt800(explorer.tools().compareWindow().stage());
        cellsShowTheirWholeText(explorer.tools().compareWindow().stage());
        PngFile.write(fx(() -> explorer.tools().compareWindow().stage().getScene().snapshot(null)),
                Fixtures.screenshots().resolve("compare-en-narrow.png"));
        fx(() -> explorer.tools().compareWindow().stage().close());
    }

    /** Whether every pixel around {@code at} finds {@code point} on {@code map} (on the JavaFX thread). */
    private static boolean aloneWithinAPixel(org.embex.desktop.map.MapView map, double[] at, int point) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (map.pointAt(Math.round(at[0]) + dx, Math.round(at[1]) + dy) != point) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] fxAt(java.util.function.IntFunction<double[]> f, int i) {
        return fx(() -> f.apply(i));
    }

    @Test
    void aLegendEntryHidesItsPoints(FxRobot robot) throws TimeoutException {
        openAndWait(Fixtures.sample("en"));
        var first = explorer.map().colouring().categories().get(0);
        robot.clickOn(fx(() -> robot.lookup(".legend-entry").nth(0).queryAs(ToggleButton.class)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> explorer.map().drawnPoints() == 402 - first.count());
    }

    /** Whether a screen point lies in the box shrunk by {@code margin} pixels on every side (grown when negative). */
    private static boolean inBox(double[] p, double left, double top, double right, double bottom, double margin) {
        return p[0] >= left + margin && p[0] <= right - margin && p[1] >= top + margin && p[1] <= bottom - margin;
    }

    /** Distinct, plausible customer messages made from parts, so no vector is in the cache yet. */
    static Path syntheticCorpus(Path file, int rows, long seed) throws IOException {
        String[] openings = {"Hi,", "Hello,", "Please help:", "Question:", "Urgent:", "Good morning,"};
        String[] topics = {"my bill shows a charge of", "roaming in Spain cost me", "my data plan used",
            "the signal drops every", "my new SIM card failed after", "I want to cancel because of"};
        String[] things = {"euros", "minutes", "gigabytes", "days", "messages", "calls"};
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("id,text,label");
        for (int i = 0; i < rows; i++) {
            int topic = random.nextInt(topics.length);
            // Quoted: the openings hold commas.
            lines.add(i + ",\"" + openings[random.nextInt(openings.length)] + " " + topics[topic] + " " + (i * 7 + 3) + " "
                    + things[random.nextInt(things.length)] + " (ticket " + seed + "-" + i + ")\",topic" + topic);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Resizes a tool window to 800 pixels, half a laptop screen as beside the map, and checks that no
     * button or label there runs past the window's edge or shows fewer words than it has (a box's
     * chosen value and a list's cells excepted: those are cut by design, whole in their lists).
     */
    private static void nothingCutAt800(Stage tool) {
        fx(() -> {
            tool.setWidth(800);
            tool.getScene().getRoot().applyCss();
            tool.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double width = fx(() -> tool.getScene().getWidth());
        assertThat(width).isLessThanOrEqualTo(800);
        List<javafx.scene.control.Labeled> shown = fx(() -> java.util.stream.Stream.of(".button", ".toggle-button", ".label")
                .flatMap(selector -> tool.getScene().getRoot().lookupAll(selector).stream()).distinct()
                .filter(node -> node instanceof javafx.scene.control.Labeled && shownInTree(node) && !insideACell(node))
                .map(node -> (javafx.scene.control.Labeled) node).toList());
        assertThat(shown).isNotEmpty();
        for (javafx.scene.control.Labeled labeled : shown) {
            String text = fx(labeled::getText);
            assertThat(fx(() -> labeled.localToScene(labeled.getLayoutBounds()).getMaxX())).as("'%s' inside", text).isLessThanOrEqualTo(width + 0.5);
            if (!fx(labeled::isWrapText)) {
                assertThat(fx(labeled::getWidth)).as("'%s' whole", text).isGreaterThanOrEqualTo(fx(() -> labeled.prefWidth(-1)) - 0.5);
            }
        }
    }

    /** Every list cell on show draws its whole text, wrapped within its list: none cut with an ellipsis, no list scrolled sideways. */
    private static void cellsShowTheirWholeText(Stage tool) {
        List<javafx.scene.control.ScrollBar> sideways = fx(() -> tool.getScene().getRoot().lookupAll(".list-view").stream()
                .flatMap(list -> list.lookupAll(".scroll-bar").stream())
                .map(bar -> (javafx.scene.control.ScrollBar) bar)
                .filter(bar -> bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && shownInTree(bar)).toList());
        assertThat(sideways).as("lists scrolled sideways").isEmpty();
        List<javafx.scene.control.ListCell<?>> cells = fx(() -> tool.getScene().getRoot().lookupAll(".list-cell").stream()
                .filter(node -> node instanceof javafx.scene.control.ListCell<?> cell && cell.getText() != null && shownInTree(node)
                        && !insideACell(node.getParent()))
                .<javafx.scene.control.ListCell<?>>map(node -> (javafx.scene.control.ListCell<?>) node).toList());
        assertThat(cells).isNotEmpty();
        for (javafx.scene.control.ListCell<?> cell : cells) {
            String drawn = fx(() -> ((javafx.scene.text.Text) cell.lookup(".text")).getText());
            assertThat(drawn.replace("\n", " ").replaceAll("\\s+", " ")).isEqualTo(fx(cell::getText).replaceAll("\\s+", " "));
        }
    }

    private static boolean shownInTree(javafx.scene.Node node) {
        for (javafx.scene.Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideACell(javafx.scene.Node node) {
        for (javafx.scene.Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.ComboBoxBase || up instanceof javafx.scene.control.IndexedCell
                    || up instanceof javafx.scene.control.ScrollBar) {
                return true;
            }
        }
        return false;
    }
}
