package org.embex.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.corpus.RowFilter;
import org.embex.desktop.Fixtures;
import org.embex.desktop.map.Colouring;
import org.embex.gate.GateFile;
import org.embex.layout.Layout;
import org.embex.neighbours.NeighbourSearch;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CacheUpkeep;
import org.embex.usecase.Clusters;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.GateStudy;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.PairColumns;
import org.embex.usecase.StsStudy;
import org.embex.usecase.ThresholdStudy;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/**
 * The explorer's behaviour without a screen: the view model over real models, a real cache and
 * the bundled samples, its jobs run on the test's thread by {@link SameThreadJobs}, its questions
 * answered by {@link ScriptedDialogs}.
 */
class ExplorerViewModelTest {

    private static final String MINILM = "all-minilm-l6-v2";
    private static final String BGE_ZH = "bge-small-zh-v1.5";
    private static Workspace workspace;
    private final SameThreadJobs jobs = new SameThreadJobs();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Settings settings;
    private ExplorerViewModel model;

    @BeforeAll
    static void openWorkspace() {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @BeforeEach
    void newWindow() {
        settings = Fixtures.newSettings();
        // PCA is there at once; the tests that need UMAP ask for it.
        settings.setText("method", LayoutMethod.PCA.name());
        model = new ExplorerViewModel(workspace, settings, jobs, dialogs);
    }

    private EmbeddedCorpus open(Path file) {
        model.open(CorpusSpec.defaults(file));
        jobs.runAll();
        return model.corpus();
    }

    @Test
    void theSampleOpensEmbeddedWithItsMapColouredByLabel() {
        assertThat(model.placeholderProperty().get()).startsWith("Open a corpus");
        model.open(CorpusSpec.defaults(Fixtures.sample("en")));
        assertThat(model.placeholderProperty().get()).startsWith("Opening telecom-support-en.csv");
        assertThat(model.jobs()).hasSize(1);
        jobs.runAll();

        EmbeddedCorpus corpus = model.corpus();
        assertThat(corpus.size()).isEqualTo(402);
        assertThat(corpus.model()).isEqualTo(MINILM);
        assertThat(model.layoutProperty().get().points()).isEqualTo(402);
        assertThat(model.colourByProperty().get()).isEqualTo(ExplorerViewModel.COLOUR_LABEL);
        assertThat(model.colourChoices()).containsExactly(ExplorerViewModel.COLOUR_LABEL, ExplorerViewModel.COLOUR_CLUSTER,
                ExplorerViewModel.COLOUR_QUERY, ExplorerViewModel.COLOUR_NONE);
        assertThat(model.colouringProperty().get().categories()).hasSize(9);
        assertThat(model.titleProperty().get()).isEqualTo("embex — telecom-support-en.csv · " + MINILM);
        assertThat(model.factsProperty().get()).isEqualTo("402 texts · " + MINILM);
        assertThat(model.statusProperty().get()).isEqualTo("PCA map of 402 points");
        assertThat(model.jobs()).isEmpty();
        assertThat(model.bannerProperty().get().shown()).isFalse();
        assertThat(model.recentFiles()).contains(Fixtures.sample("en").toAbsolutePath().normalize());
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void theModelFollowsTheCorpus() {
        assertThat(open(Fixtures.sample("zh")).model()).isEqualTo(BGE_ZH);
        assertThat(model.modelProperty().get()).isEqualTo(BGE_ZH);
        assertThat(open(Fixtures.sample("en")).model()).isEqualTo(MINILM);
        assertThat(model.modelProperty().get()).isEqualTo(MINILM);
        assertThat(open(Fixtures.sample("zh")).model()).isEqualTo(BGE_ZH);
        assertThat(model.bannerProperty().get()).isEqualTo(Banner.NONE);
    }

    @Test
    void theBannersSwitchEmbedsWithAModelThatReadsTheCorpusAndClearsTheBanner() {
        open(Fixtures.sample("zh"));
        model.modelProperty().set(MINILM);
        jobs.runAll();
        assertThat(model.corpus().model()).isEqualTo(MINILM);
        Banner banner = model.bannerProperty().get();
        assertThat(banner.text()).contains(MINILM + " does not know").contains("tokens")
                .contains(BGE_ZH + " reads it (-m " + BGE_ZH + ")");
        assertThat(banner.switchTo()).contains(BGE_ZH);

        model.switchModel();
        jobs.runAll();
        assertThat(model.corpus().model()).isEqualTo(BGE_ZH);
        assertThat(model.modelProperty().get()).isEqualTo(BGE_ZH);
        assertThat(model.bannerProperty().get()).isEqualTo(Banner.NONE);
    }

    @Test
    void aModelChosenForACorpusIsTheOneItOpensWithNextTime() {
        open(Fixtures.sample("en"));
        model.modelProperty().set(BGE_ZH);
        jobs.runAll();
        assertThat(model.corpus().model()).isEqualTo(BGE_ZH);

        ExplorerViewModel later = new ExplorerViewModel(workspace, settings, jobs, dialogs);
        later.open(CorpusSpec.defaults(Fixtures.sample("en")));
        jobs.runAll();
        assertThat(later.corpus().model()).isEqualTo(BGE_ZH);
    }

    @Test
    void anotherMethodLaysTheCorpusOutAgainAndIsRemembered() {
        open(Fixtures.sample("en"));
        Layout pca = model.layoutProperty().get();
        model.methodProperty().set(LayoutMethod.UMAP);
        assertThat(model.layoutJob()).isNotNull();
        jobs.runAll();

        Layout umap = model.layoutProperty().get();
        assertThat(umap).isNotSameAs(pca);
        assertThat(umap.points()).isEqualTo(402);
        assertThat(model.layoutJob().state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(model.statusProperty().get()).isEqualTo("UMAP map of 402 points");
        assertThat(settings.text("method", null)).isEqualTo("UMAP");

        model.methodProperty().set(LayoutMethod.PCA);
        assertThat(model.layoutProperty().get()).isSameAs(pca);
    }

    @Test
    void aCorpusWhoseMapIsCachedOpensOnThatMapAndMakesItsPcaOnlyWhenAskedFor() {
        open(Fixtures.sample("en"));
        model.methodProperty().set(LayoutMethod.UMAP);
        jobs.runAll();
        Layout umap = model.layoutProperty().get();

        ExplorerViewModel again = new ExplorerViewModel(workspace, settings, jobs, dialogs);
        List<Layout> shown = new ArrayList<>();
        again.layoutProperty().addListener((o, was, now) -> shown.add(now));
        again.open(CorpusSpec.defaults(Fixtures.sample("en")));
        jobs.runAll();
        assertThat(shown).as("no PCA map before the kept one").isNotEmpty().allSatisfy(layout -> {
            assertThat(layout.x()).containsExactly(umap.x());
            assertThat(layout.y()).containsExactly(umap.y());
        });
        assertThat(again.statusProperty().get()).isEqualTo("UMAP map of 402 points");

        again.methodProperty().set(LayoutMethod.PCA);
        assertThat(again.layoutJob()).isNotNull();
        jobs.runAll();
        Layout pca = again.layoutProperty().get();
        assertThat(pca.points()).isEqualTo(402);
        assertThat(pca.x()).isNotEqualTo(umap.x());
        assertThat(again.statusProperty().get()).isEqualTo("PCA map of 402 points");
        again.methodProperty().set(LayoutMethod.UMAP);
        jobs.runAll();
        again.methodProperty().set(LayoutMethod.PCA);
        assertThat(again.layoutProperty().get()).as("made once, then kept").isSameAs(pca);
    }

    @Test
    void aCorpusTheCacheHoldsWholeOpensInItsReadingJobWithoutAnEmbeddingJob(@TempDir Path dir) throws IOException {
        Path file = manyTexts(dir.resolve("seen.csv"), 30);
        open(file);
        int before = jobs.started();

        ExplorerViewModel again = new ExplorerViewModel(workspace, settings, jobs, dialogs);
        Job<?> reading = again.open(CorpusSpec.defaults(file));
        jobs.runAll();
        assertThat(again.corpus().size()).isEqualTo(30);
        assertThat(again.corpus().run().embedded()).isZero();
        assertThat(again.mainJob()).as("no embedding job after the reading one").isSameAs(reading);
        assertThat(jobs.started() - before).isEqualTo(1);

        // One text more: the reading job leaves it to the embedding job, whose progress and Cancel the person sees.
        Files.writeString(file, "30,one text the cache has not seen,billing\n", StandardOpenOption.APPEND);
        Job<?> changed = again.open(CorpusSpec.defaults(file));
        jobs.runAll();
        assertThat(again.mainJob()).isNotSameAs(changed);
        assertThat(again.mainJob().title()).isEqualTo("Embedding with " + MINILM);
        assertThat(again.corpus().size()).isEqualTo(31);
        assertThat(again.corpus().run().embedded()).isEqualTo(1);
    }

    @Test
    void aClickedPointListsItsNearestTextsAndFollowsKAndTheMetric() {
        EmbeddedCorpus corpus = open(Fixtures.sample("en"));
        int target = 17;
        model.neighbours().pickPoint(target);

        NeighbourList shown = model.neighbours().neighboursProperty().get();
        assertThat(shown.focus()).isEqualTo(target);
        assertThat(shown.heading()).startsWith("Nearest to “").endsWith("(cosine)");
        // By brute force over the vectors, independent of the engine's top-k.
        List<Integer> expected = IntStream.range(0, corpus.size()).filter(i -> i != target).boxed()
                .sorted(Comparator.comparingDouble(i -> -Metric.cosine(corpus.vectors().row(target), corpus.vectors().row(i))))
                .limit(10).toList();
        assertThat(shown.rows().stream().map(NeighbourRow::index).toList()).isEqualTo(expected);
        assertThat(shown.points()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());

        model.neighbours().kProperty().set(5);
        assertThat(model.neighbours().neighboursProperty().get().rows()).hasSize(5);
        model.neighbours().metricProperty().set(Metric.L2);
        assertThat(model.neighbours().neighboursProperty().get().heading()).endsWith("(L2 distance)");
        assertThat(model.neighbours().neighboursProperty().get().rows().get(0).score()).isPositive();

        model.clearSelection();
        assertThat(model.neighbours().neighboursProperty().get()).isEqualTo(NeighbourList.NONE);
    }

    @Test
    void aCorpusTooLargeForExactSearchIsIndexedBesideTheMapAndAnswersFromTheIndex() {
        // The sample stands in for a large corpus: exact search only up to 100 rows.
        workspace.exactSearchUpTo(100);
        EmbeddedCorpus corpus;
        try {
            corpus = open(Fixtures.sample("en"));
        } finally {
            workspace.exactSearchUpTo(NeighbourSearch.DEFAULT_EXACT_UP_TO);
        }
        assertThat(corpus.indexed(Metric.COSINE)).isTrue();
        assertThat(model.factsProperty().get()).startsWith("402 texts · " + MINILM + " · neighbours from the graph index (cosine");

        int target = 17;
        model.neighbours().pickPoint(target);
        List<Integer> expected = IntStream.range(0, corpus.size()).filter(i -> i != target).boxed()
                .sorted(Comparator.comparingDouble(i -> -Metric.cosine(corpus.vectors().row(target), corpus.vectors().row(i))))
                .limit(10).toList();
        List<Integer> listed = model.neighbours().neighboursProperty().get().rows().stream().map(NeighbourRow::index).toList();
        assertThat(listed.stream().filter(expected::contains).count()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aRowPickedElsewhereIsCentredAndItsNeighboursListed() {
        open(Fixtures.sample("en"));
        model.neighbours().pickRow(42);
        Centring first = model.neighbours().centringProperty().get();
        assertThat(first.row()).isEqualTo(42);
        assertThat(model.neighbours().neighboursProperty().get().focus()).isEqualTo(42);
        model.neighbours().pickRow(42);
        assertThat(model.neighbours().centringProperty().get()).isNotEqualTo(first);
        model.neighbours().pickRow(402);
        assertThat(model.neighbours().neighboursProperty().get().focus()).isEqualTo(42);
    }

    @Test
    void aTypedQueryFindsTextsOfItsIntentAndCanColourTheMap() {
        open(Fixtures.sample("en"));
        model.neighbours().query("How much does it cost to use my phone abroad in Spain?");
        jobs.runAll();

        NeighbourList shown = model.neighbours().neighboursProperty().get();
        assertThat(shown.focus()).isEqualTo(-1);
        assertThat(shown.queryPoint()).hasSize(2);
        assertThat(shown.rows().stream().limit(5).filter(row -> "roaming".equals(row.label())).count()).isGreaterThanOrEqualTo(4);

        model.colourByProperty().set(ExplorerViewModel.COLOUR_QUERY);
        Colouring colouring = model.colouringProperty().get();
        assertThat(colouring.scoreRange()).isPresent();
        assertThat(colouring.title()).startsWith("cosine to “How much does it cost");
    }

    @Test
    void clustersAreComputedOnceAndNamedOnHover() {
        open(Fixtures.sample("en"));
        model.hiddenCategoriesProperty().set(java.util.Set.of(0));
        int started = jobs.started();
        model.colourByProperty().set(ExplorerViewModel.COLOUR_CLUSTER);
        jobs.runAll();
        assertThat(jobs.started()).isEqualTo(started + 1);
        Colouring clusters = model.colouringProperty().get();
        assertThat(clusters.title()).isEqualTo("Cluster · topic words");
        assertThat(clusters.categories()).hasSize(Clusters.defaultCount(402));
        assertThat(model.hiddenCategoriesProperty().get()).isEmpty();
        assertThat(model.describe(0)).contains("\n— cluster ");

        model.colourByProperty().set(ExplorerViewModel.COLOUR_NONE);
        assertThat(model.colouringProperty().get().categories()).hasSize(1);
        model.colourByProperty().set(ExplorerViewModel.COLOUR_CLUSTER);
        assertThat(jobs.started()).isEqualTo(started + 1);
        assertThat(model.colouringProperty().get().title()).isEqualTo("Cluster · topic words");
    }

    @Test
    void aSelectionListsItsRowsAndExportsThem(@TempDir Path dir) throws IOException {
        EmbeddedCorpus corpus = open(Fixtures.sample("en"));
        model.selection().export();
        assertThat(model.statusProperty().get()).startsWith("Select points first");

        BitSet points = new BitSet();
        points.set(3, 13);
        model.selection().select(points);
        Selection selection = model.selection().selectionProperty().get();
        assertThat(selection.indices()).isEqualTo(IntStream.range(3, 13).boxed().toList());
        assertThat(selection.rows().get(0).text()).isEqualTo(corpus.row(3).text());

        Path csv = dir.resolve("picked.csv");
        dialogs.answerSaveAs(csv);
        model.selection().export();
        jobs.runAll();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("id,text,label,x,y,cluster");
        assertThat(lines).hasSize(11);
        assertThat(model.statusProperty().get()).isEqualTo("Exported 10 rows to " + csv);

        model.selection().select(new BitSet());
        assertThat(model.selection().selectionProperty().get().isEmpty()).isTrue();
    }

    @Test
    void aCancelledEmbeddingKeepsTheCorpusOnScreenItsModelAndTheVectorsMade(@TempDir Path dir) throws IOException {
        open(Fixtures.sample("zh"));
        // English texts: the model follows them to MiniLM, and must come back to bge-small-zh when they are cancelled.
        Path big = manyTexts(dir.resolve("big.csv"), 1500);
        long before = CacheUpkeep.stats(workspace.cacheFile()).vectors();
        // Once the cache holds its first slice of the new vectors (the cache writes 256 at a time).
        jobs.cancelWhileRunning("Embedding with " + MINILM, () -> CacheUpkeep.stats(workspace.cacheFile()).vectors() > before);
        model.open(CorpusSpec.defaults(big));
        jobs.runAll();

        assertThat(model.mainJob().state()).isEqualTo(Job.State.CANCELLED);
        assertThat(model.statusProperty().get()).startsWith("Embedding cancelled.");
        assertThat(model.corpus().spec().file()).isEqualTo(Fixtures.sample("zh"));
        assertThat(model.modelProperty().get()).isEqualTo(BGE_ZH);
        assertThat(model.jobs()).isEmpty();
        long kept = CacheUpkeep.stats(workspace.cacheFile()).vectors() - before;
        assertThat(kept).isGreaterThanOrEqualTo(256).isLessThan(1500);

        // Opening again resumes where it stopped: the vectors made are not made twice.
        open(big);
        assertThat(model.corpus().size()).isEqualTo(1500);
        assertThat(CacheUpkeep.stats(workspace.cacheFile()).vectors() - before).isEqualTo(1500);
    }

    @Test
    void choosingTheModelOnScreenAgainCancelsTheEmbeddingWithAnotherAndTheBoxAgrees() {
        open(Fixtures.sample("en"));
        StringProperty box = new SimpleStringProperty();
        box.bindBidirectional(model.modelProperty());
        box.set(BGE_ZH);
        Job<?> other = model.mainJob();
        box.set(MINILM);
        assertThat(other.state()).isEqualTo(Job.State.CANCELLED);
        jobs.runAll();
        assertThat(model.corpus().model()).isEqualTo(MINILM);
        assertThat(box.get()).isEqualTo(MINILM).isEqualTo(model.modelProperty().get());
    }

    @Test
    void aNewCorpusCancelsTheOpeningBeforeIt(@TempDir Path dir) throws IOException {
        model.open(CorpusSpec.defaults(manyTexts(dir.resolve("first.csv"), 50)));
        Job<?> first = model.mainJob();
        model.open(CorpusSpec.defaults(Fixtures.sample("en")));
        assertThat(first.state()).isEqualTo(Job.State.CANCELLED);
        jobs.runAll();
        assertThat(model.corpus().spec().file()).isEqualTo(Fixtures.sample("en"));
    }

    @Test
    void aBrokenFileIsAnErrorThatSaysWhereAndTheCorpusStays(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), "id,text,label\n1,fine,a\n2,\"never closed,b\n3,ok,c\n",
                StandardCharsets.UTF_8);
        model.open(CorpusSpec.defaults(broken));
        jobs.runAll();
        assertThat(model.corpus()).isNull();
        assertThat(model.placeholderProperty().get()).startsWith("Open a corpus");
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Could not open broken.csv: ").contains("line 3");

        open(Fixtures.sample("en"));
        model.open(CorpusSpec.defaults(broken));
        jobs.runAll();
        assertThat(model.corpus().size()).isEqualTo(402);
        assertThat(model.statusProperty().get()).contains("line 3");
        assertThat(dialogs.errors()).hasSize(2);
    }

    @Test
    void theChooserOpensWhatThePersonPicksAndNothingWhenTheyDecline() {
        model.openWithChooser();
        jobs.runAll();
        assertThat(model.corpus()).isNull();

        dialogs.answerCorpus(Fixtures.sample("zh"));
        model.openWithChooser();
        jobs.runAll();
        assertThat(model.corpus().spec().file()).isEqualTo(Fixtures.sample("zh"));
        assertThat(model.corpus().model()).isEqualTo(BGE_ZH);
    }

    @Test
    void theWorkbenchStudiesTheCorpusRefusingAnyOfItsLabelsAndExportsTheGate(@TempDir Path dir) {
        open(Fixtures.sample("en"));
        model.workbench().open();
        jobs.runAll();
        WorkbenchViewModel.Studies studies = model.workbench().studiesProperty().get();
        assertThat(studies.studies()).hasSize(1);
        assertThat(studies.labels()).contains("billing", "roaming", "out_of_scope");
        assertThat(studies.refused()).isEmpty();
        // The sample: 160 in-scope queries and 82 out-of-scope ones, as eval gate splits it.
        assertThat(studies.studies().get(0).curve().auc())
                .isEqualTo(GateStudy.splitting(model.corpus(), "out_of_scope").orElseThrow().report().auroc());

        model.workbench().studyCorpus(Optional.of("billing"));
        jobs.runAll();
        WorkbenchViewModel.Studies refusingBilling = model.workbench().studiesProperty().get();
        assertThat(refusingBilling.refused()).contains("billing");
        assertThat(refusingBilling.labels()).isEqualTo(studies.labels());
        assertThat(model.statusProperty().get()).isEqualTo("Threshold study ready: telecom-support-en.csv · " + MINILM);
        var billing = refusingBilling.studies().get(0);
        assertThat(billing.curve().auc()).isEqualTo(GateStudy.splitting(model.corpus(), "billing").orElseThrow().report().auroc());

        Path gate = dir.resolve("gate.json");
        double threshold = 0.5;
        model.workbench().exportGate(studies.studies().get(0), threshold, gate);
        var read = GateFile.read(gate);
        assertThat(read.threshold()).isEqualTo(threshold);
        assertThat(read.modelId()).isEqualTo(MINILM);
        assertThat(read.anchors().rows()).isEqualTo(160);
    }

    @Test
    void theWorkbenchStudiesOnlyTheRowsTheFilterKeepsAndFindsAPickedRowOnTheMap() {
        open(Fixtures.sample("en"));
        RowFilter kept = RowFilter.parse(List.of("label!=signal,device"));
        model.filterProperty().set(kept);
        model.workbench().open();
        jobs.runAll();
        ThresholdStudy study = model.workbench().studiesProperty().get().studies().get(0);
        // 160 in-scope and 82 out-of-scope queries in the whole sample; 80 in-scope ones are filtered out.
        assertThat(study.scores()).hasSize(GateStudy.splitting(model.corpus().subset(kept), "out_of_scope").orElseThrow()
                .report().queries());
        assertThat(study.curve().auc())
                .isEqualTo(GateStudy.splitting(model.corpus().subset(kept), "out_of_scope").orElseThrow().report().auroc());
        // A row of the study is found on the map by its number in the whole corpus.
        int studied = 0;
        while (study.rows()[studied] < 0) {
            studied++;
        }
        String text = study.texts().get(studied);
        model.workbench().pickRow(study.rows()[studied]);
        NeighbourList listed = model.neighbours().neighboursProperty().get();
        assertThat(model.corpus().row(listed.focus()).text()).isEqualTo(text);
        assertThat(listed.rows()).allSatisfy(row -> assertThat(row.label()).isNotIn("signal", "device"));
    }

    @Test
    void aCorpusWithoutLabelsGetsAHintNotAnError(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "text\nmy bill is wrong\nroaming in Spain\nno signal\n",
                StandardCharsets.UTF_8);
        open(plain);
        model.workbench().open();
        jobs.runAll();
        assertThat(model.workbench().studiesProperty().get()).isNull();
        assertThat(model.statusProperty().get()).isEqualTo(plain + ": a threshold study needs a label column with at least two labels");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aSecondModelIsComparedScoredOnStsAndOverlaidInTheWorkbench(@TempDir Path dir) throws IOException {
        open(Fixtures.sample("en"));
        dialogs.answerChoice(BGE_ZH);
        model.comparison().chooseModel();
        // Every installed model but the one on screen (on a fresh machine: the other default one).
        assertThat(dialogs.offered()).singleElement().satisfies(offered -> assertThat(offered).contains(BGE_ZH).doesNotContain(MINILM));
        jobs.runAll();
        var shown = model.comparison().shownProperty().get();
        assertThat(shown.pair().second().model()).isEqualTo(BGE_ZH);
        assertThat(model.statusProperty().get()).startsWith(MINILM + " vs " + BGE_ZH + ": 10-NN overlap mean ");

        Path sts = Files.writeString(dir.resolve("sts.csv"), String.join("\n",
                "my bill is too high,why was I charged so much,4.2", "my bill is too high,the weather is nice today,0.1",
                "I lost my SIM card,my SIM card was stolen,4.0", "I lost my SIM card,can I roam in Spain,0.3",
                "no signal at home,coverage is bad in my street,4.4", "no signal at home,how do I cancel my contract,0.5") + "\n");
        model.comparison().scoreSts(sts);
        jobs.runAll();
        ComparisonViewModel.StsSpearman spearman = model.comparison().stsProperty().get();
        assertThat(spearman.pair()).isSameAs(shown);
        // What `eval sts` computes for each model.
        PairColumns.Pairs pairs = PairColumns.scores().read(sts);
        assertThat(spearman.first()).isEqualTo(
                StsStudy.of(workspace, MINILM, pairs, ProgressListener.NONE, CancellationToken.none()).spearman());
        assertThat(spearman.second()).isEqualTo(
                StsStudy.of(workspace, BGE_ZH, pairs, ProgressListener.NONE, CancellationToken.none()).spearman());

        model.workbench().open();
        jobs.runAll();
        assertThat(model.workbench().studiesProperty().get().studies()).hasSize(2);
    }

    /** Distinct texts, so that none is in the cache yet. */
    private static Path manyTexts(Path file, int rows) throws IOException {
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",ticket ").append(file.getFileName()).append(' ').append(i * 7 + 3)
                    .append(" about my bill,billing\n");
        }
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    @Test
    void anEndpointModelSendsNothingUntilThePersonSaysYesOnceForItsEndpoint(@TempDir Path dir) throws IOException {
        Path catalogue = Files.createDirectories(dir.resolve("models"));
        Files.createSymbolicLink(catalogue.resolve(MINILM), Fixtures.models().resolve(MINILM).toAbsolutePath());
        Path remote = Files.createDirectories(catalogue.resolve("remote"));
        // Port 9 (discard) on loopback: nothing answers, so a request that went out fails at once.
        Files.writeString(remote.resolve("model.json"), "{\"id\": \"remote\", \"dims\": 384, \"endpoint\": "
                + "{\"url\": \"http://127.0.0.1:9/v1\", \"model\": \"m\", \"attempts\": 1, \"timeout_seconds\": 2}}");
        try (Workspace own = Workspace.open(catalogue, dir.resolve("cache.sqlite"))) {
            ExplorerViewModel window = new ExplorerViewModel(own, settings, jobs, dialogs);
            assertThat(window.models()).containsExactly(MINILM, "remote");
            assertThat(window.modelBadge("remote")).isEqualTo("⇄ sends texts to http://127.0.0.1:9");
            assertThat(window.modelBadge(MINILM)).isEmpty();
            window.open(CorpusSpec.defaults(Fixtures.sample("en")));
            jobs.runAll();
            assertThat(window.corpus().model()).isEqualTo(MINILM);
            assertThat(dialogs.confirmationsAsked()).isEmpty();

            window.modelProperty().set("remote");
            jobs.runAll();
            assertThat(dialogs.confirmationsAsked()).singleElement().asString()
                    .startsWith("Send texts to http://127.0.0.1:9? remote is a model that runs at http://127.0.0.1:9")
                    .contains("sends the 402 texts of telecom-support-en.csv there");
            assertThat(window.statusProperty().get()).startsWith("Nothing was sent.");
            assertThat(window.modelProperty().get()).isEqualTo(MINILM);
            assertThat(window.corpus().model()).isEqualTo(MINILM);
            assertThat(dialogs.errors()).isEmpty();

            dialogs.answerConfirm(true);
            window.modelProperty().set("remote");
            jobs.runAll();
            assertThat(dialogs.errors()).singleElement().asString().startsWith("Embedding failed")
                    .contains("refused the connection");
            window.modelProperty().set(MINILM);
            jobs.runAll();
            window.modelProperty().set("remote");
            jobs.runAll();
            assertThat(dialogs.confirmationsAsked()).as("asked once for the endpoint").hasSize(2);
            assertThat(dialogs.errors()).hasSize(2);

            // Comparing asks too, before anything is sent; a second endpoint is a second question.
            Path other = Files.createDirectories(catalogue.resolve("other-remote"));
            Files.writeString(other.resolve("model.json"), "{\"id\": \"other-remote\", \"dims\": 384, \"endpoint\": "
                    + "{\"url\": \"http://127.0.0.2:9/v1\", \"model\": \"m\", \"attempts\": 1}}");
            ExplorerViewModel again = new ExplorerViewModel(own, settings, jobs, dialogs);
            again.open(CorpusSpec.defaults(Fixtures.sample("en")));
            jobs.runAll();
            dialogs.answerChoice("other-remote");
            again.comparison().chooseModel();
            jobs.runAll();
            assertThat(dialogs.confirmationsAsked()).hasSize(3).last().asString().startsWith("Send texts to http://127.0.0.2:9?");
            assertThat(again.statusProperty().get()).startsWith("Nothing was sent. other-remote runs at an endpoint");
            assertThat(dialogs.errors()).hasSize(2);
        }
    }
}
