package org.embex.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.embex.EmbexException;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.model.TestModels;
import org.embex.vectors.Metric;

@Tag("model")
class EmbedderTest {

    private static Embedder minilm;

    @BeforeAll
    static void open() {
        minilm = Embedder.open(TestModels.installed("all-minilm-l6-v2"));
    }

    @AfterAll
    static void close() {
        minilm.close();
    }

    @Test
    void vectorsAreUnitLengthAndModelWide() {
        Embedding embedding = minilm.embed("The cat sat on the mat.", Role.TEXT);
        assertThat(embedding.vector()).hasSize(384);
        assertThat(Metric.dot(embedding.vector(), embedding.vector())).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void emptyTextIsEmbeddedLikeAnyOther() {
        Embedding embedding = minilm.embed("", Role.TEXT);
        assertThat(embedding.tokens()).isEqualTo(2);
        assertThat(embedding.unknownShare()).isZero();
        assertThat(Metric.dot(embedding.vector(), embedding.vector())).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void englishModelReportsThatItCannotReadChinese() {
        assertThat(minilm.embed("天氣熱，今日好曬", Role.TEXT).unknownShare()).isGreaterThan(0.5);
        assertThat(minilm.embed("The weather is hot today", Role.TEXT).unknownShare()).isZero();
    }

    @Test
    void chineseModelReadsChinese() {
        try (Embedder zh = Embedder.open(TestModels.installed("bge-small-zh-v1.5"))) {
            assertThat(zh.embed("天氣熱，今日好曬", Role.TEXT).unknownShare()).isZero();
        }
    }

    @Test
    void textLongerThanTheModelReadsIsCutAndSaysSo() {
        Embedding cut = minilm.embed(ReferenceTexts.longText(), Role.TEXT);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.tokens()).isEqualTo(256);
        assertThat(minilm.embed("A short text.", Role.TEXT).truncated()).isFalse();
    }

    @Test
    void textsCutAtTheSameTokenGetTheSameVector() {
        String text = ReferenceTexts.longText();
        String longer = text + " And a tail that lies far beyond the cut.";
        assertThat(Metric.cosine(minilm.embed(text, Role.TEXT).vector(), minilm.embed(longer, Role.TEXT).vector()))
                .isGreaterThan(0.999999);
    }

    @Test
    void aSecondSessionIsOpenedOnlyWhenABatchFindsTheFirstBusyAndGivesTheSameVectors() {
        try (Embedder embedder = Embedder.open(TestModels.installed("all-minilm-l6-v2"),
                EmbedderOptions.defaults().withBatchSize(4).withSessions(3))) {
            assertThat(embedder.sessionsOpen()).isEqualTo(1);
            List<Embedding> two = embedder.embed(List.of("cancel my contract", "end my subscription"), Role.TEXT);
            assertThat(embedder.sessionsOpen()).as("two texts, one batch").isEqualTo(1);

            List<String> texts = new ArrayList<>(ReferenceTexts.all());
            List<Embedding> many = embedder.embed(texts, Role.TEXT);
            assertThat(embedder.sessionsOpen()).as("%d batches of 4 over up to 3 sessions", (texts.size() + 3) / 4)
                    .isBetween(2, 3);
            List<Embedding> reference = minilm.embed(texts, Role.TEXT);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(Metric.cosine(many.get(i).vector(), reference.get(i).vector())).isGreaterThan(0.999999);
            }
            assertThat(Metric.cosine(two.get(0).vector(), minilm.embed("cancel my contract", Role.TEXT).vector()))
                    .isGreaterThan(0.999999);
        }
    }

    @Test
    void vectorDoesNotDependOnBatchNeighbours() {
        List<String> texts = new ArrayList<>(ReferenceTexts.all());
        texts.add(ReferenceTexts.longText());
        List<Embedding> together = minilm.embed(texts, Role.TEXT);
        Collections.reverse(texts);
        List<Embedding> reversed = minilm.embed(texts, Role.TEXT);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = minilm.embed(texts.get(i), Role.TEXT).vector();
            assertThat(Metric.cosine(alone, reversed.get(i).vector())).as(texts.get(i)).isGreaterThan(0.999999);
            assertThat(Metric.cosine(alone, together.get(texts.size() - 1 - i).vector())).isGreaterThan(0.999999);
        }
    }

    @Test
    void quantizedModelRunsTextsOneAtATimeSoBatchesDoNotMatter() {
        ModelFolder quantized = TestModels.installed("all-minilm-l6-v2-q");
        assertThat(quantized.descriptor().quantized()).isTrue();
        List<String> texts = List.of("a short one", ReferenceTexts.longText(), "roaming in Spain", "ok");
        try (Embedder embedder = Embedder.open(quantized, EmbedderOptions.defaults().withBatchSize(16))) {
            List<Embedding> batch = embedder.embed(texts, Role.TEXT);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(batch.get(i).vector()).containsExactly(embedder.embed(texts.get(i), Role.TEXT).vector());
            }
        }
    }

    @Test
    void queryPrefixIsPutBeforeTheText() {
        try (Embedder bge = Embedder.open(TestModels.installed("bge-small-en-v1.5"))) {
            String instruction = bge.descriptor().prefixes().query();
            assertThat(instruction).startsWith("Represent this sentence");
            float[] query = bge.embed("roaming fees in Spain", Role.QUERY).vector();
            float[] byHand = bge.embed(instruction + "roaming fees in Spain", Role.TEXT).vector();
            float[] plain = bge.embed("roaming fees in Spain", Role.TEXT).vector();
            assertThat(Metric.cosine(query, byHand)).isGreaterThan(0.999999);
            assertThat(Metric.cosine(query, plain)).isLessThan(0.99);
            assertThat(bge.tokenize("x", Role.QUERY).length()).isGreaterThan(bge.tokenize("x", Role.TEXT).length());
        }
    }

    @Test
    void progressReachesTheTotal() {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> texts = ReferenceTexts.all();
        minilm.embed(texts, Role.TEXT, (done, total) -> {
            assertThat(total).isEqualTo(texts.size());
            seen.add(done);
        });
        assertThat(seen).contains((long) texts.size());
    }

    @Test
    void closingWhileOthersEmbedStopsThemCleanlyInsteadOfCrashing() throws Exception {
        Embedder embedder = Embedder.open(TestModels.installed("all-minilm-l6-v2"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            texts.add("text number " + i + " about roaming charges, refunds and a lost card, said at some length");
        }
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = List.of(
                    callers.submit(() -> embedder.embed(texts, Role.TEXT)),
                    callers.submit(() -> embedder.embedSpread(texts.subList(0, 64), Role.TEXT)),
                    callers.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            embedder.embed(texts.get(i), Role.QUERY);
                        }
                    }));
            Thread.sleep(300);
            embedder.close();
            for (Future<?> call : running) {
                // Each either finished before the close or stopped with embex's own message: none crashed the process.
                try {
                    call.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(EmbexException.class)
                            .hasMessageMatching(".*all-minilm-l6-v2 (is|was) closed.*|embedding was interrupted");
                }
            }
            assertThatThrownBy(() -> embedder.embed("one more", Role.TEXT)).isInstanceOf(EmbexException.class)
                    .hasMessage("the model all-minilm-l6-v2 is closed");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBatchFromManyCallersGivesEachTextItsOwnVectorInItsPlace() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            texts.add(i % 3 == 0 ? "refund" : i % 3 == 1 ? "can I use my phone when I travel to Spain next month"
                    : "question " + i + " about a lost card and the fees that came with it, asked at length");
        }
        List<Embedding> spread = minilm.embedSpread(texts, Role.TEXT);
        assertThat(spread).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = minilm.embed(List.of(texts.get(i)), Role.TEXT).get(0).vector();
            assertThat(Metric.dot(spread.get(i).vector(), alone)).as("text %d", i).isGreaterThan(0.999999);
        }
    }
}
