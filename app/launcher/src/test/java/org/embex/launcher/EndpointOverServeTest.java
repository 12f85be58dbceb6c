package org.embex.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.cli.EmbexCommand;
import org.embex.desktop.Fixtures;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.server.EmbexServer;
import org.embex.server.ServerSettings;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/**
 * A catalogue model served by {@code embex serve} on loopback and used again as an endpoint model:
 * its vectors are the local model's, and the commands say where the texts went.
 */
class EndpointOverServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "all-minilm-l6-v2";

    @Test
    void aServedModelEmbedsAsTheLocalOneAndCompareFindsThemAlike(@TempDir Path dir) throws Exception {
        Path sample = Fixtures.sample("en");
        try (Workspace serving = Workspace.open(Fixtures.models(), dir.resolve("server-cache.sqlite"));
             EmbexServer server = EmbexServer.start(serving, new ServerSettings("127.0.0.1", 0, Optional.empty(), Map.of(),
                     Optional.empty(), Optional.empty(), ServerSettings.Limits.DEFAULT, true, Duration.ofMillis(2), 0, 0,
                     false, false), line -> { })) {
            Path folder = Files.createDirectories(dir.resolve("minilm-over-http"));
            Files.writeString(folder.resolve("model.json"), """
                    {"id": "minilm-over-http", "description": "all-MiniLM-L6-v2 as embex serve serves it", "dims": 384,
                     "endpoint": {"url": "%s", "model": "%s", "batch": 32}}
                    """.formatted(server.uri().resolve("/v1"), MODEL));

            try (Workspace workspace = Workspace.open(Fixtures.models(), dir.resolve("vectors.sqlite"))) {
                CorpusSpec corpus = CorpusSpec.defaults(sample);
                EmbeddedCorpus local = CorpusEmbedding.embed(workspace, corpus, MODEL, ProgressListener.NONE, CancellationToken.none());
                EmbeddedCorpus remote = CorpusEmbedding.embed(workspace, corpus, folder.toString(), ProgressListener.NONE,
                        CancellationToken.none());
                assertThat(remote.size()).isEqualTo(local.size()).isGreaterThan(300);
                double least = 1;
                for (int row = 0; row < local.size(); row++) {
                    least = Math.min(least, Metric.cosine(local.search().matrix().row(row), remote.search().matrix().row(row)));
                }
                assertThat(least).isGreaterThanOrEqualTo(0.999999);
            }

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            picocli.CommandLine cli = EmbexCommand.commandLine(new OpenCommand(), new PlotCommand());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute("compare", sample.toString(), "-m", MODEL, "-m", folder.toString(), "--models-dir",
                    Fixtures.models().toString(), "--cache", dir.resolve("compare.sqlite").toString(), "--json", "--quiet");
            assertThat(exit).as(err.toString()).isZero();
            assertThat(err.toString()).contains("embex: model minilm-over-http sends texts to http://127.0.0.1:"
                    + server.uri().getPort() + " (the endpoint in ").contains("nothing else leaves this machine");
            JsonNode report = JSON.readTree(out.toString());
            assertThat(report.get("neighbour_overlap_mean").asDouble()).isGreaterThan(0.99);
        }
    }
}
