package org.embex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelInstaller;

/** One run of the embex command line in this JVM, with what it printed. */
record Run(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One cache for the tests of this JVM, never the user's own. */
    static final Path TEST_CACHE = createTestCache();

    private static Path createTestCache() {
        try {
            Path dir = Files.createTempDirectory("embex-test-cache");
            dir.toFile().deleteOnExit();
            return dir.resolve("vectors.sqlite");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path modelsDir() {
        String root = System.getProperty("embex.root");
        Path dir = Path.of(root == null ? "../.." : root).resolve("models").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no models folder at " + dir);
        }
        return dir;
    }

    /** The bundled English sample the commands' tests read: 402 telecom support questions. */
    static Path englishSample() {
        return modelsDir().resolveSibling("samples").resolve("telecom-support-en.csv");
    }

    /** The default models, installed from the jars Maven holds for this module's tests. */
    static void installDefaultModels() {
        ModelCatalogue catalogue = new ModelCatalogue(modelsDir());
        ModelInstaller installer = new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false));
        installer.install(catalogue.find("all-minilm-l6-v2"));
        installer.install(catalogue.find("bge-small-zh-v1.5"));
    }

    static Run of(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.contains("--models-dir") && !"help".equals(all.get(0)) && !"cache".equals(all.get(0))) {
            all.add("--models-dir");
            all.add(modelsDir().toString());
        }
        if (!all.isEmpty() && List.of("embed", "search", "eval").contains(all.get(0)) && !all.contains("--cache")) {
            all.add("--cache");
            all.add(TEST_CACHE.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // As the launcher builds it: only the command named, or every command when none is.
        String[] line = all.toArray(String[]::new);
        CommandLine commandLine = EmbexCommand.commandLineFor(line);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new StderrLine(err));
        int code = commandLine.execute(line);
        return new Run(code, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not one JSON object: " + out, e);
        }
    }
}
