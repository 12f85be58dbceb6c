package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.embex.embed.BatchSweep;
import org.embex.embed.Embedding;
import org.embex.embed.EmbedderOptions;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/** The batch sweep on the sample's texts, and a kept setting that the model then embeds with. */
class BatchTuningTest {

    private static final List<String> TEXTS = List.of("my bill is too high", "cancel my contract please", "no signal at home",
            "how do I top up my data", "what is the capital of France?");

    @Test
    void everyBatchAndSplitOfTheCoresIsMeasuredOnTheCorpusTexts() throws Exception {
        try (Workspace workspace = Workspace.open(UseCasesTest.models(), Files.createTempDirectory("embex-batch").resolve("vectors.sqlite"))) {
            EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(UseCasesTest.sample("en")), "all-minilm-l6-v2",
                    ProgressListener.NONE, CancellationToken.none());
            long[] seen = new long[2];
            BatchSweep sweep = BatchTuning.sweep(workspace, corpus, 48, 42, (done, total) -> {
                seen[0] = done;
                seen[1] = total;
            }, CancellationToken.none());
            int splits = BatchSweep.Plan.defaults().sessionsAndThreads().size();
            assertThat(sweep.quantized()).isFalse();
            assertThat(sweep.texts()).isEqualTo(48);
            assertThat(sweep.settings()).hasSize(6 * splits);
            assertThat(seen).containsExactly(6L * splits, 6L * splits);
            assertThat(sweep.settings()).allSatisfy(measured -> assertThat(measured.textsPerSecond()).isPositive());
            assertThat(sweep.best().textsPerSecond()).isEqualTo(sweep.settings().stream().mapToDouble(BatchSweep.Measured::textsPerSecond)
                    .max().orElseThrow());
        }
    }

    @Test
    void aKeptSettingIsWhatTheModelNextEmbedsWithAndItsVectorsAreTheSame() throws Exception {
        Path cache = Files.createTempDirectory("embex-kept").resolve("vectors.sqlite");
        List<Embedding> defaults;
        try (Workspace workspace = Workspace.open(UseCasesTest.models(), cache)) {
            TextEmbedding model = TextEmbedding.open(workspace, "all-minilm-l6-v2");
            EmbedderOptions standard = EmbedderOptions.defaults();
            assertThat(model.servedBatch()).isEqualTo(2 * standard.batchSize() * standard.sessions());
            defaults = model.embed(TEXTS);
            KeptEmbedders.keep(workspace, workspace.installed("all-minilm-l6-v2"),
                    Optional.of(standard.withBatchSize(4).withSessions(1).withThreadsPerSession(2)));
        }
        try (Workspace workspace = Workspace.open(UseCasesTest.models(), cache)) {
            TextEmbedding model = TextEmbedding.open(workspace, "all-minilm-l6-v2");
            // Two rounds of full batches over every session: 2 × 4 × 1.
            assertThat(model.servedBatch()).isEqualTo(8);
            List<Embedding> kept = model.embed(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] a = defaults.get(i).vector();
                float[] b = kept.get(i).vector();
                for (int d = 0; d < a.length; d++) {
                    assertThat(b[d]).isCloseTo(a[d], org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
            KeptEmbedders.keep(workspace, workspace.installed("all-minilm-l6-v2"), Optional.empty());
            assertThat(KeptEmbedders.kept(workspace, workspace.installed("all-minilm-l6-v2"))).isEmpty();
        }
    }

    @Test
    void aQuantizedModelKeepsRunningOneTextAtATime() throws Exception {
        try (Workspace workspace = Workspace.open(UseCasesTest.models(), Files.createTempDirectory("embex-q").resolve("vectors.sqlite"))) {
            var quantized = workspace.model("all-minilm-l6-v2-q");
            assertThat(quantized.descriptor().quantized()).isTrue();
            assertThatThrownBy(() -> KeptEmbedders.keep(workspace, quantized, Optional.of(EmbedderOptions.defaults().withBatchSize(32))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one text at a time");
            assertThat(KeptEmbedders.kept(workspace, quantized)).isEmpty();
        }
        // A setting written for it by hand is not read: it still serves one text a run.
        Path cache = Files.createTempDirectory("embex-q-kept").resolve("vectors.sqlite");
        Files.writeString(cache.resolveSibling("kept-embedders.properties"), "all-minilm-l6-v2-q=batch\\=32 sessions\\=1 threads\\=2\n");
        try (Workspace workspace = Workspace.open(UseCasesTest.models(), cache)) {
            org.embex.model.TestModels.installed("all-minilm-l6-v2-q");
            assertThat(KeptEmbedders.kept(workspace, workspace.installed("all-minilm-l6-v2-q"))).isEmpty();
            assertThat(TextEmbedding.open(workspace, "all-minilm-l6-v2-q").servedBatch()).isEqualTo(1);
        }
        // Measured, it runs at batch 1 only, on each split of the cores.
        BatchSweep sweep = BatchSweep.run(org.embex.model.TestModels.installed("all-minilm-l6-v2-q"), TEXTS, BatchSweep.Plan.defaults(),
                ProgressListener.NONE, CancellationToken.none());
        assertThat(sweep.quantized()).isTrue();
        assertThat(sweep.settings()).hasSize(BatchSweep.Plan.defaults().sessionsAndThreads().size())
                .allSatisfy(measured -> assertThat(measured.options().batchSize()).isEqualTo(1));
    }
}
