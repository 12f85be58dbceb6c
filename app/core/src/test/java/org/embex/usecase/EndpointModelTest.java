package org.embex.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.endpoint.FakeEndpoint;
import org.embex.progress.CancellationToken;
import org.embex.progress.CancelledException;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/** An endpoint model through the use cases, the cache a real SQLite file: what the cache keeps and when. */
class EndpointModelTest {

    @TempDir
    Path temp;
    private FakeEndpoint endpoint;
    private Path models;
    private CorpusSpec corpus;

    @BeforeEach
    void start() throws IOException {
        endpoint = new FakeEndpoint(8);
        models = Files.createDirectories(temp.resolve("models"));
        endpoint.modelFolder(models, "remote-minilm", ", \"batch\": 32");
        List<String> lines = new ArrayList<>(List.of("text"));
        for (int i = 0; i < 600; i++) {
            lines.add("question number " + i);
        }
        Path file = temp.resolve("questions.csv");
        Files.write(file, lines);
        corpus = CorpusSpec.defaults(file);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private EmbeddedCorpus embed(ProgressListener progress, CancellationToken cancellation) {
        try (Workspace workspace = Workspace.open(models, temp.resolve("vectors.sqlite"))) {
            return CorpusEmbedding.embed(workspace, corpus, "remote-minilm", progress, cancellation);
        }
    }

    private EmbeddedCorpus embed() {
        return embed(ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void vectorsAreCachedUnderWhatTheEndpointAnswersAndAChangedModelIsEmbeddedAnew() {
        EmbeddedCorpus first = embed();
        assertThat(first.run().embedded()).isEqualTo(600);
        int asked = endpoint.requests().size();
        assertThat(asked).isEqualTo(1 + 600 / 32 + 1);

        EmbeddedCorpus again = embed();
        assertThat(again.run().cached()).isEqualTo(600);
        assertThat(again.run().embedded()).isZero();
        assertThat(endpoint.requests()).as("only the probe").hasSize(asked + 1);

        endpoint.changeModel(7);
        EmbeddedCorpus changed = embed();
        assertThat(changed.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(changed.run().embedded()).isEqualTo(600);
        float[] vector = changed.search().matrix().row(5);
        assertThat(Metric.cosine(vector, endpoint.vectorOf("question number 5"))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aCancelledEmbeddingKeepsWhatWasCommitted() {
        CancellationToken cancel = new CancellationToken();
        assertThatThrownBy(() -> embed((done, total) -> {
            if (done >= 300) {
                cancel.cancel();
            }
        }, cancel)).isInstanceOf(CancelledException.class);
        EmbeddedCorpus resumed = embed();
        assertThat(resumed.run().cached()).isGreaterThanOrEqualTo(256);
        assertThat(resumed.run().embedded() + resumed.run().cached()).isEqualTo(600);
    }
}
