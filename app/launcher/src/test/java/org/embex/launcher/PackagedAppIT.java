package org.embex.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.desktop.Fixtures;

/**
 * The jar {@code ./embex} runs, as it runs it: {@code java -jar target/embex.jar} with the classpath
 * its manifest names in {@code target/lib}. Unit tests run on Maven's test classpath, which holds
 * test-scoped libraries too; a library missing at run time (a dependency narrowed to test scope)
 * passes them and fails here.
 */
class PackagedAppIT {

    private static final Path JAR = Path.of("target", "embex.jar").toAbsolutePath();

    private static Process run(Path dir, String... args) throws Exception {
        return run(dir, List.of(), Map.of(), args);
    }

    /** As {@link #run}, with DISPLAY set to {@code display}. */
    private static Process runOn(String display, Path dir, String... args) throws Exception {
        return run(dir, List.of(), Map.of("DISPLAY", display), args);
    }

    /** As {@link #run}, with options for the JVM and variables set in the environment. */
    private static Process run(Path dir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dembex.models=" + Fixtures.models()));
        line.addAll(jvmOptions);
        line.addAll(List.of("-jar", JAR.toString()));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    @Test
    void thePackagedJarEmbedsSearchesAndDrawsWithItsOwnClasspath(@TempDir Path dir) throws Exception {
        assertThat(JAR).exists();
        Path cache = dir.resolve("cache.sqlite");
        Process search = run(dir, "search", Fixtures.sample("en").toString(), "-q", "roaming charges in Spain", "-m",
                "all-minilm-l6-v2", "--cache", cache.toString(), "--json", "--quiet");
        assertThat(search.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        JsonNode hits = new ObjectMapper().readTree(dir.resolve("out.txt").toFile());
        assertThat(hits.get("results")).hasSize(10);
        assertThat(hits.get("results").get(0).get("label").asText()).isEqualTo("roaming");

        Process plot = run(dir, "plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                "-o", dir.resolve("map.png").toString(), "--cache", cache.toString(), "--quiet");
        assertThat(plot.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(Files.size(dir.resolve("map.png"))).isGreaterThan(10_000);
    }

    /** The libraries the jar runs with (its manifest's class path, as Maven resolved the launcher's dependencies) hold no Spark. */
    @Test
    void theAppCarriesNoSparkJar() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> libraries = List.of(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "));
            assertThat(libraries).hasSizeGreaterThan(20).anyMatch(name -> name.contains("onnxruntime"))
                    .noneMatch(name -> name.contains("spark") || name.contains("scala-library") || name.contains("embex-spark"));
        }
    }

    @Test
    void theVersionIsThePoms(@TempDir Path dir) throws Exception {
        Process process = run(dir, "--version");
        assertThat(process.exitValue()).isZero();
        // Maven runs this test with the project's version in the surefire/failsafe properties.
        assertThat(Files.readString(dir.resolve("out.txt")).strip()).isEqualTo("embex " + System.getProperty("embex.version"));
    }

    @Test
    void aBrokenGateFileIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path gate = Files.writeString(dir.resolve("gate.json"), "{\"embex_gate\": 1, \"model\": \"all-minilm-l6-v2\", \"thr");
        Process process = run(dir, "gate", "--config", gate.toString());
        assertThat(process.exitValue()).isEqualTo(2);
        List<String> err = Files.readAllLines(dir.resolve("err.txt")).stream()
                .filter(line -> !line.startsWith("WARNING: Using incubator modules")).toList();
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).contains("gate.json: not valid JSON at line 1").doesNotContain("Exception").doesNotContain("Source");
    }

    /**
     * How packaging/build rehearses a window start: on JavaFX's headless platform (no DISPLAY), the
     * window opens the corpus, closes itself once its map is shown, and the settings it kept are in
     * the XDG config folder.
     */
    @Test
    void aHeadlessWindowOpensTheCorpusClosesOnceShownAndKeepsItsSettingsInXdgConfig(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Process process = run(dir, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"),
                Map.of("DISPLAY", "", "XDG_CONFIG_HOME", config.toString()),
                "open", "--close-when-shown", Fixtures.sample("en").toString(), "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        Properties settings = new Properties();
        try (var reader = Files.newBufferedReader(config.resolve("embex").resolve("settings.properties"))) {
            settings.load(reader);
        }
        assertThat(settings.getProperty("recent.0")).isEqualTo(Fixtures.sample("en").toAbsolutePath().normalize().toString());
        // The model is remembered for the file once its map is on screen.
        assertThat(settings.stringPropertyNames()).anyMatch(key -> key.startsWith("model-for-"));
    }

    @Test
    void aDisplayThatCannotBeOpenedIsExplained(@TempDir Path dir) throws Exception {
        // No X server listens on display 977 here; on a machine without GTK 3 glass says that first.
        Process process = runOn(":977", dir, "open", Fixtures.sample("en").toString());
        assertThat(process.exitValue()).isEqualTo(1);
        List<String> err = Files.readAllLines(dir.resolve("err.txt")).stream()
                .filter(line -> !line.startsWith("WARNING: Using incubator modules")).toList();
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("embex: cannot open a window: ").contains("./embex plot")
                .doesNotContain("Exception").doesNotContain("unexpected");
    }
}
