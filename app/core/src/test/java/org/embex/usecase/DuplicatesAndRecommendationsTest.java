package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.TextRow;
import org.embex.duplicates.DuplicateGroup;
import org.embex.neighbours.PairsAbove;
import org.embex.neighbours.SimilarPairs;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.recommend.Recommendation;
import org.embex.recommend.RecommendationEvaluation;
import org.embex.vectors.Metric;

/** Near-duplicates and recommendations on the samples, against answers worked out pair by pair. */
class DuplicatesAndRecommendationsTest {

    private static Workspace workspace;
    private static EmbeddedCorpus english;
    private static EmbeddedCorpus chinese;

    @BeforeAll
    static void open() throws Exception {
        workspace = Workspace.open(UseCasesTest.models(), Files.createTempDirectory("embex-duplicates").resolve("vectors.sqlite"));
        english = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(UseCasesTest.sample("en")), "all-minilm-l6-v2",
                ProgressListener.NONE, CancellationToken.none());
        chinese = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(UseCasesTest.sample("zh")), "bge-small-zh-v1.5",
                ProgressListener.NONE, CancellationToken.none());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    /** Every pair of the corpus scored one at a time, as "first,second" row numbers. */
    private static Set<String> bruteForce(EmbeddedCorpus corpus, double threshold) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (int j = i + 1; j < corpus.size(); j++) {
                if (Metric.cosine(corpus.vectors().row(i), corpus.vectors().row(j)) >= threshold) {
                    pairs.add(i + "," + j);
                }
            }
        }
        return pairs;
    }

    /** The pairs a grouping keeps (each member with its representative), and checks each is at or above the threshold. */
    private static Set<String> groupedPairs(EmbeddedCorpus corpus, NearDuplicates.Found found) {
        Set<String> pairs = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        for (DuplicateGroup group : found.groups()) {
            for (int m = 0; m < group.size(); m++) {
                assertThat(seen.add(group.member(m))).as("a row in two groups").isTrue();
                if (m > 0) {
                    int a = Math.min(group.representative(), group.member(m));
                    int b = Math.max(group.representative(), group.member(m));
                    assertThat(Metric.cosine(corpus.vectors().row(a), corpus.vectors().row(b))).isGreaterThanOrEqualTo(found.threshold());
                    pairs.add(a + "," + b);
                }
            }
        }
        return pairs;
    }

    @Test
    void theSamplesNearDuplicatesAreTheBruteForcePairsWhicheverPathFindsThem() {
        for (EmbeddedCorpus corpus : List.of(english, chinese)) {
            double threshold = corpus == english ? 0.7 : 0.8;
            Set<String> expected = bruteForce(corpus, threshold);

            NearDuplicates.Found exact = NearDuplicates.find(workspace, corpus, threshold, Integer.MAX_VALUE, ProgressListener.NONE);
            NearDuplicates.Found graph = NearDuplicates.find(workspace, corpus, threshold, 0, ProgressListener.NONE);

            assertThat(expected).hasSizeGreaterThan(5);
            assertThat(exact.graph()).isFalse();
            assertThat(exact.pairs()).isEqualTo(expected.size());
            assertThat(graph.graph()).isTrue();
            assertThat(graph.pairs()).isEqualTo(expected.size());
            assertThat(graph.groups()).isEqualTo(exact.groups());
            assertThat(expected).containsAll(groupedPairs(corpus, exact));
            SimilarPairs scored = PairsAbove.exact(corpus.vectors(), threshold, NearDuplicates.MAX_PAIRS, ProgressListener.NONE);
            Set<String> found = new HashSet<>();
            for (int p = 0; p < scored.size(); p++) {
                found.add(scored.first()[p] + "," + scored.second()[p]);
            }
            assertThat(found).isEqualTo(expected);
        }
    }

    @Test
    void groupsExportWithTheirNumberRepresentativeAndScore(@TempDir Path dir) throws Exception {
        NearDuplicates.Found found = NearDuplicates.find(workspace, english, 0.7, Integer.MAX_VALUE, ProgressListener.NONE);
        DuplicateGroup first = found.groups().get(0);

        Path jsonl = dir.resolve("groups.jsonl");
        NearDuplicates.export(jsonl, english, found);
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(found.grouping().rows());
        JsonNode lead = new ObjectMapper().readTree(lines.get(0));
        JsonNode next = new ObjectMapper().readTree(lines.get(1));
        assertThat(lead.get("id").asText()).isEqualTo(english.row(first.representative()).id());
        assertThat(lead.get("group").asInt()).isEqualTo(1);
        assertThat(lead.get("representative").asInt()).isEqualTo(1);
        assertThat(next.get("representative").asInt()).isZero();
        assertThat(next.get("score").asDouble()).isEqualTo(first.score(1), org.assertj.core.api.Assertions.within(1e-6));

        Path parquet = dir.resolve("groups.parquet");
        NearDuplicates.export(parquet, english, found);
        List<TextRow> rows = CorpusSpec.defaults(parquet).read().rows();
        assertThat(rows).hasSize(found.grouping().rows());
        assertThat(rows.get(1).text()).isEqualTo(english.row(first.member(1)).text());
        assertThat(rows.get(1).metadata()).containsEntry("group", "1").containsEntry("representative", "0");

        Path csv = dir.resolve("groups.csv");
        NearDuplicates.export(csv, english, found);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("id,text,label,score,group,representative");
    }

    @Test
    void aCorpusColumnNamedAsAnAddedOneIsRenamedInCsvAsInParquet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scored.csv");
        Files.writeString(file, "text,score\nmy bill is too high,5\nmy bill is far too high,4\nthe weather is nice,1\n");
        EmbeddedCorpus scored = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(file), "all-minilm-l6-v2",
                ProgressListener.NONE, CancellationToken.none());
        NearDuplicates.Found found = NearDuplicates.find(workspace, scored, 0.8, 100, ProgressListener.NONE);

        Path csv = dir.resolve("groups.csv");
        NearDuplicates.export(csv, scored, found);
        Path parquet = dir.resolve("groups.parquet");
        NearDuplicates.export(parquet, scored, found);

        assertThat(found.groups()).hasSize(1);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("id,text,label,score_1,score,group,representative");
        assertThat(CorpusSpec.defaults(parquet).read().rows().get(0).metadata()).containsKeys("score_1", "score");
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> NearDuplicates.find(workspace, english, 1.5, 100, ProgressListener.NONE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("was 1.5");
        assertThatThrownBy(() -> NearDuplicates.find(workspace, english, 0, 100, ProgressListener.NONE))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void recommendationsLeaveTheLikedRowsOutAndNameWhatBroughtThemIn(@TempDir Path dir) throws Exception {
        Path ids = dir.resolve("liked.txt");
        // Saved by Notepad: a byte-order mark before the first id.
        Files.writeString(ids, "\uFEFFen-0037\n# upgrades\n\nen-0003\n");

        int[] liked = Recommendations.liked(english, ids);
        List<Recommendation> found = Recommendations.recommend(english, liked, Optional.empty(), 20);

        assertThat(liked).hasSize(2);
        assertThat(english.row(liked[0]).id()).isEqualTo("en-0037");
        assertThat(found).hasSize(20);
        List<Integer> because = new ArrayList<>();
        for (Recommendation recommendation : found) {
            assertThat(recommendation.row()).isNotIn(liked[0], liked[1]);
            assertThat(recommendation.because()).isIn(liked[0], liked[1]);
            int other = recommendation.because() == liked[0] ? liked[1] : liked[0];
            assertThat(recommendation.becauseScore()).isGreaterThanOrEqualTo(
                    Metric.cosine(english.vectors().row(recommendation.row()), english.vectors().row(other)) - 1e-6);
            because.add(recommendation.because());
        }
        // Two unrelated likes each bring some rows in.
        assertThat(because).contains(liked[0], liked[1]);
    }

    @Test
    void anUnknownIdNamesItsLineAndABadWeightItsRow(@TempDir Path dir) throws Exception {
        Path ids = dir.resolve("liked.txt");
        Files.writeString(ids, "en-0037\nen-9999\n");

        assertThatThrownBy(() -> Recommendations.liked(english, ids)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("liked.txt: line 2").hasMessageContaining("en-9999");
        assertThatThrownBy(() -> Recommendations.recommend(english, new int[] {3}, Optional.of("nope"), 5))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no column 'nope'");
    }

    @Test
    void onTheSamplesRecommendingBeatsBothBaselines() {
        for (EmbeddedCorpus corpus : List.of(english, chinese)) {
            RecommendationEvaluation.Report report = Recommendations.evaluate(corpus, Seed.DEFAULT, ProgressListener.NONE);

            assertThat(report.labels()).isEqualTo(corpus.labelNames().size());
            assertThat(report.draws()).as("every label has at most 100 rows: each held out once").isEqualTo(corpus.size());
            assertThat(report.profile().hitRate()).isGreaterThan(report.nearestToOne().hitRate());
            assertThat(report.nearestToOne().hitRate()).isGreaterThan(report.random().hitRate() * 3);
        }
    }
}
