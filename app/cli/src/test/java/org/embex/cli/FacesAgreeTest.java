package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.Seed;
import org.embex.cluster.ClusterReport;
import org.embex.gate.GateEvaluation;
import org.embex.gate.GateScoring;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.Clusters;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.GateStudy;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Layouts;
import org.embex.usecase.ModelPair;
import org.embex.usecase.PairColumns;
import org.embex.usecase.PairStudy;
import org.embex.usecase.Search;
import org.embex.usecase.StsStudy;
import org.embex.usecase.ThresholdStudy;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;

/**
 * One engine, two faces: for each use case, what a command prints (its JSON) against what the
 * window receives from the use-case layer for the same input (the calls the explorer, its threshold
 * workbench and its compare window make, with the window's defaults). They must be the same numbers.
 */
@Tag("model")
class FacesAgreeTest {

    private static final String MODEL = "all-minilm-l6-v2";
    private static final Path SAMPLE = Run.englishSample();

    @TempDir
    static Path dir;

    private static Path cache;
    private static Workspace window;
    private static EmbeddedCorpus corpus;

    @BeforeAll
    static void openTheSampleAsTheWindowDoes() {
        Run.installDefaultModels();
        cache = dir.resolve("vectors.sqlite");
        window = Workspace.open(Run.modelsDir(), cache);
        corpus = CorpusEmbedding.embed(window, CorpusSpec.defaults(SAMPLE), MODEL, ProgressListener.NONE, CancellationToken.none());
    }

    @AfterAll
    static void close() {
        window.close();
    }

    private static Run command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", "--quiet", "--cache", cache.toString()));
        Run run = Run.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s: %s", String.join(" ", args), run.err()).isZero();
        return run;
    }

    @Test
    void clustersAndTheirNamesAreTheSame() {
        JsonNode printed = command("cluster", SAMPLE.toString(), "-m", MODEL).json();
        Clusters shown = Clusters.of(corpus);

        assertThat(printed.get("k").asInt()).isEqualTo(Clusters.defaultCount(402)).isEqualTo(14);
        assertThat(printed.get("topics")).hasSize(shown.report().clusters().size());
        for (int c = 0; c < shown.report().clusters().size(); c++) {
            ClusterReport.Cluster cluster = shown.report().clusters().get(c);
            JsonNode topic = printed.get("topics").get(c);
            assertThat(topic.get("cluster").asInt()).isEqualTo(cluster.id());
            assertThat(topic.get("size").asInt()).isEqualTo(cluster.size());
            List<String> words = new ArrayList<>();
            topic.get("words").forEach(word -> words.add(word.asText()));
            assertThat(words).hasSize(Clusters.TOPIC_WORDS).isEqualTo(cluster.words());
        }
        // The legend's name of a row's cluster carries the words the command prints for it.
        int firstRowCluster = shown.assignments()[0];
        ClusterReport.Cluster named = shown.report().clusters().stream().filter(c -> c.id() == firstRowCluster).findFirst()
                .orElseThrow();
        assertThat(shown.names().get(0)).isEqualTo(firstRowCluster + " · " + String.join(", ", named.words()));
    }

    @Test
    void theGateOfOneLabelledFileIsTheWorkbenchsStudy() {
        JsonNode printed = command("eval", "gate", SAMPLE.toString(), "-m", MODEL).json();
        ThresholdStudy shown = ThresholdStudy.of(corpus, Optional.empty(), Seed.DEFAULT).orElseThrow();

        assertThat(shown.source()).startsWith("in scope vs 'out_of_scope'");
        assertThat(printed.get("auroc").asDouble()).isEqualTo(shown.curve().auc());
        assertThat(printed.get("threshold_tpr95").asDouble())
                .isEqualTo(shown.curve().atTpr(GateEvaluation.KEEP_IN_SCOPE).threshold());
        assertThat(printed.get("fpr_at_tpr95").asDouble())
                .isEqualTo(shown.curve().atTpr(GateEvaluation.KEEP_IN_SCOPE).confusion().fpr());
        assertThat(printed.get("queries").asInt()).isEqualTo(shown.scores().length);
        // No query is among the examples: the study's rows and the references are disjoint.
        assertThat(printed.get("references").asInt() + printed.get("queries").asInt()).isEqualTo(402);
    }

    @Test
    void aGateSetupOfTwoFilesIsTheWorkbenchsStudy() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE);
        List<String> examples = new ArrayList<>(List.of(lines.get(0)));
        List<String> queries = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            (lines.get(i).endsWith(",out_of_scope") || i % 2 == 0 ? queries : examples).add(lines.get(i));
        }
        Path references = Files.write(dir.resolve("examples.csv"), examples);
        Path asked = Files.write(dir.resolve("queries.csv"), queries);

        JsonNode printed = command("eval", "gate", "-m", MODEL, "--reference", references.toString(), "--queries",
                asked.toString()).json();
        ThresholdStudy shown = GateStudy.ofFiles(window, MODEL, CorpusSpec.defaults(references), CorpusSpec.defaults(asked),
                Optional.empty(), "", GateScoring.NEAREST, ProgressListener.NONE, CancellationToken.none()).study();

        assertThat(printed.get("auroc").asDouble()).isEqualTo(shown.curve().auc());
        assertThat(printed.get("threshold_tpr95").asDouble())
                .isEqualTo(shown.curve().atTpr(GateEvaluation.KEEP_IN_SCOPE).threshold());
    }

    @Test
    void aLabelledPairsFileGivesTheSameAurocAndRates() throws IOException {
        StringBuilder csv = new StringBuilder("sentence1,sentence2,label\n");
        String[] labels = {"1", "0", "1.0", "0.0", "yes", "no", "true", "false", "positive", "negative"};
        for (int p = 0; p < 60; p++) {
            int a = (p * 7) % 402;
            int b = p % 2 == 0 ? nextWithSameLabel(a) : (a + 201) % 402;
            csv.append('"').append(corpus.row(a).text().replace("\"", "\"\"")).append("\",\"")
                    .append(corpus.row(b).text().replace("\"", "\"\"")).append("\",")
                    .append(labels[(p % 2) + 2 * ((p / 2) % 5)]).append('\n');
        }
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), csv);

        JsonNode printed = command("eval", "pairs", pairs.toString(), "-m", MODEL).json();
        ThresholdStudy shown = PairStudy.of(window, MODEL, PairColumns.labels().read(pairs), ProgressListener.NONE,
                CancellationToken.none()).study();

        assertThat(printed.get("pairs").asInt()).isEqualTo(60);
        assertThat(printed.get("positives").asInt()).isEqualTo(30);
        assertThat(printed.get("auroc").asDouble()).isCloseTo(shown.curve().auc(), within(1e-12));
        // Rates are fractions in JSON.
        assertThat(printed.get("cosine").get("accuracy").asDouble()).isBetween(0.5, 1.0)
                .isCloseTo(shown.curve().bestAccuracy().confusion().accuracy(), within(1e-12));
    }

    private static int nextWithSameLabel(int row) {
        for (int step = 1; step < corpus.size(); step++) {
            int candidate = (row + step) % corpus.size();
            if (corpus.row(candidate).label().equals(corpus.row(row).label())) {
                return candidate;
            }
        }
        return row;
    }

    @Test
    void stsPairsGiveTheSameSpearman() throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (int p = 0; p < 40; p++) {
            int a = (p * 11) % 402;
            int b = (p * 11 + p) % 402;
            tsv.append(corpus.row(a).text().replace('\t', ' ')).append('\t').append(corpus.row(b).text().replace('\t', ' '))
                    .append('\t').append(p % 6).append('\n');
        }
        Path sts = Files.writeString(dir.resolve("sts.tsv"), tsv);

        JsonNode printed = command("eval", "sts", sts.toString(), "-m", MODEL, "--no-header").json();
        // The compare window reads the file by the same rule, without being told there is no header.
        double shown = StsStudy.of(window, MODEL, PairColumns.scores().read(sts), ProgressListener.NONE,
                CancellationToken.none()).spearman();

        assertThat(printed.get("pairs").asInt()).isEqualTo(40);
        assertThat(printed.get("spearman").asDouble()).isEqualTo(shown).isBetween(-1.0, 1.0);
    }

    @Test
    void aTypedQueryFindsTheSameNeighbours() {
        String query = "my data allowance ran out, how do I buy more?";
        JsonNode printed = command("search", SAMPLE.toString(), "-m", MODEL, "-q", query, "-k", "10").json();
        List<Neighbour> shown = Search.query(window, corpus, query, 10, Metric.COSINE).neighbours();

        assertThat(printed.get("results")).hasSize(10);
        for (int rank = 0; rank < 10; rank++) {
            JsonNode hit = printed.get("results").get(rank);
            assertThat(hit.get("id").asText()).isEqualTo(corpus.row(shown.get(rank).index()).id());
            assertThat(hit.get("score").asDouble()).isEqualTo(shown.get(rank).score());
        }
    }

    @Test
    void twoModelsCompareAlike() {
        JsonNode printed = command("compare", SAMPLE.toString(), "-m", MODEL, "-m", "bge-small-zh-v1.5").json();
        ModelPair shown = ModelPair.of(window, corpus, "bge-small-zh-v1.5", ProgressListener.NONE, CancellationToken.none());

        assertThat(printed.get("k").asInt()).isEqualTo(shown.comparison().k()).isEqualTo(ModelPair.DEFAULT_K);
        assertThat(printed.get("neighbour_overlap_mean").asDouble()).isEqualTo(shown.comparison().meanOverlap());
        assertThat(printed.get("metrics").get(MODEL).get("gate_auroc").asDouble())
                .isEqualTo(shown.firstGateAuroc().getAsDouble());
    }

    @Test
    void aLayoutTheCommandMadeOpensInTheWindow() throws IOException {
        Path coords = dir.resolve("coords.csv");
        JsonNode printed = command("project", SAMPLE.toString(), "-m", MODEL, "--method", "umap", "-o", coords.toString()).json();
        assertThat(printed.get("cached").asBoolean()).isFalse();

        Layout shown = Layouts.defaults(window).cached(corpus, LayoutMethod.UMAP).orElseThrow();
        List<String> rows = Files.readAllLines(coords);
        assertThat(rows).hasSize(403);
        String[] first = rows.get(1).split(",");
        assertThat(Float.parseFloat(first[1])).isEqualTo(shown.x()[0]);
        assertThat(Float.parseFloat(first[2])).isEqualTo(shown.y()[0]);
    }

    @Test
    void aLayoutTheWindowMadeOpensInTheCommand() throws IOException {
        Layout made = Layouts.defaults(window).make(corpus, LayoutMethod.TSNE, LayoutWatch.of(ProgressListener.NONE)).layout();

        Path coords = dir.resolve("tsne.csv");
        JsonNode printed = command("project", SAMPLE.toString(), "-m", MODEL, "--method", "tsne", "-o", coords.toString()).json();
        assertThat(printed.get("cached").asBoolean()).isTrue();
        String[] last = Files.readAllLines(coords).get(402).split(",");
        assertThat(Float.parseFloat(last[1])).isEqualTo(made.x()[401]);
    }
}
