package org.embex.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.embex.gate.GateScoring;
import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelInstaller;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.GateStudy;
import org.embex.usecase.Workspace;

/** The real parts the server's tests run on: the project's models, its English sample, a gate made from it. */
final class Fixtures {

    static final String MINILM = "all-minilm-l6-v2";
    static final String MINILM_Q = "all-minilm-l6-v2-q";

    private Fixtures() {
    }

    static Path root() {
        String root = System.getProperty("embex.root");
        return Path.of(root == null ? "../.." : root).toAbsolutePath().normalize();
    }

    /** The catalogue, with MiniLM and its quantized twin installed from the jars Maven holds for these tests. */
    static Path models() {
        Path dir = root().resolve("models");
        ModelCatalogue catalogue = new ModelCatalogue(dir);
        ModelInstaller installer = new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false));
        installer.install(catalogue.find(MINILM));
        installer.install(catalogue.find(MINILM_Q));
        return dir;
    }

    static Path sample() {
        return root().resolve("samples").resolve("telecom-support-en.csv");
    }

    static Path newCache() {
        return temp().resolve("vectors.sqlite");
    }

    static Path temp() {
        try {
            return Files.createTempDirectory("embex-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gate 'eval gate SAMPLE --export' writes: the sample split as the workbench splits it, at its TPR-95 threshold. */
    static Path sampleGate(Workspace workspace, Path file) {
        var result = GateStudy.ofFile(workspace, MINILM, CorpusSpec.defaults(sample()), Optional.empty(), "--out-of-scope",
                GateScoring.NEAREST, ProgressListener.NONE, CancellationToken.none());
        GatePolicy.export(result.report().gate(), file);
        return file;
    }
}
