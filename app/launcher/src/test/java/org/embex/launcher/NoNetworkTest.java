package org.embex.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.embex.desktop.Fixtures;
import org.embex.gate.GateScoring;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.GateStudy;
import org.embex.usecase.Workspace;

/**
 * "Nothing leaves your machine", checked where it can be seen: each command runs as a real child
 * process of the launcher under {@code strace -f -e trace=connect}, which sees every thread and
 * native code too, and any connection that is not a local socket or loopback fails the test.
 * DJL's telemetry opened four connections to 169.254.169.254 from every command that loaded a
 * tokenizer before {@code DjlOffline}.
 *
 * <p>strace is installed by {@code .ci/run}; elsewhere the test is skipped when it is missing,
 * except under CI, where a missing strace fails it.
 */
@Tag("model")
class NoNetworkTest {

    private static final Pattern CONNECT = Pattern.compile("connect\\(\\d+, \\{sa_family=(AF_\\w+)(.*?)\\}");
    private static final Pattern LOOPBACK = Pattern.compile("\"(127\\.[0-9.]+|::1|::ffff:127\\.[0-9.]+)\"");

    private static Path models;

    @BeforeAll
    static void setUp() {
        boolean haveStrace = Files.isExecutable(Path.of("/usr/bin/strace"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(haveStrace).as("strace must be installed for the network test (.ci/run installs it)").isTrue();
        }
        assumeTrue(haveStrace, "strace is not installed");
        models = Fixtures.models();
    }

    @ParameterizedTest
    @ValueSource(strings = {"similarity", "embed", "search", "project", "plot", "own-vectors"})
    void commandOpensNoConnectionBeyondLoopback(String command, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path trace = dir.resolve("connect.trace");
        Path cache = dir.resolve("cache.sqlite");
        Path sample = Fixtures.sample("en");
        List<String> args = switch (command) {
            case "similarity" -> List.of("similarity", "-m", "all-minilm-l6-v2", "my bill is too high", "why was I charged twice?");
            // Writing Parquet and reading it back go through DuckDB, which must fetch no extension.
            case "embed" -> List.of("embed", sample.toString(), "-m", "all-minilm-l6-v2", "--cache", cache.toString(), "--quiet",
                    "-o", dir.resolve("sample.parquet").toString());
            case "search" -> List.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", "roaming abroad",
                    "--cache", cache.toString(), "--quiet");
            case "project" -> List.of("project", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                    "--cache", cache.toString(), "--quiet");
            case "plot" -> List.of("plot", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                    "-o", dir.resolve("map.png").toString(), "--cache", cache.toString(), "--quiet");
            case "own-vectors" -> List.of("project", ownVectors(dir).toString(), "-m", "file:", "--method", "umap",
                    "--cache", cache.toString(), "--quiet");
            default -> throw new IllegalArgumentException(command);
        };
        List<String> line = new ArrayList<>(List.of("/usr/bin/strace", "-f", "-qq", "-e", "trace=connect",
                "-o", trace.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Launcher.class.getName()));
        line.addAll(args);
        line.addAll(List.of("--models-dir", models.toString()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s exit; it printed: %s", command, Files.readString(dir.resolve("output.txt")))
                .isZero();

        List<String> outward = outwardConnections(trace);
        assertThat(outward).as("connections %s opened beyond this machine", command).isEmpty();
    }

    /** A Parquet file of 64 random unit vectors beside ids and texts, made by DuckDB as a user's tool would. */
    private static Path ownVectors(Path dir) throws java.sql.SQLException {
        Path file = dir.resolve("own.parquet");
        try (java.sql.Connection connection = org.embex.parquet.ParquetTable.connect();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.5)");
            statement.execute("COPY (SELECT i AS id, 'text ' || i AS text, list_transform(range(16), lambda x: random() - 0.5)::FLOAT[16]"
                    + " AS embedding FROM range(64) t(i)) TO " + org.embex.parquet.ParquetTable.literal(file.toString()) + " (FORMAT parquet)");
        }
        return file;
    }

    /**
     * {@code serve} as it runs in production: a child process that answers over loopback and opens
     * nothing beyond it; SIGTERM (what {@code Process.destroy} sends) while a long request is in
     * flight answers that request and exits 0.
     */
    @org.junit.jupiter.api.Test
    void serveAnswersOverLoopbackOnlyAndStopsGracefullyOnSigterm(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path trace = dir.resolve("connect.trace");
        Path cache = dir.resolve("cache.sqlite");
        Path gate = dir.resolve("gate.json");
        try (Workspace workspace = Workspace.open(models, cache)) {
            GatePolicy.export(GateStudy.ofFile(workspace, "all-minilm-l6-v2", CorpusSpec.defaults(Fixtures.sample("en")),
                    Optional.empty(), "--out-of-scope", GateScoring.NEAREST, ProgressListener.NONE, CancellationToken.none())
                    .report().gate(), gate);
        }
        Path output = dir.resolve("output.txt");
        List<String> line = new ArrayList<>(List.of("/usr/bin/strace", "-f", "-qq", "-e", "trace=connect", "-o", trace.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Launcher.class.getName(), "serve", "--port", "0", "--gate", "telecom=" + gate,
                "--corpus", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2",
                "--models-dir", models.toString(), "--cache", cache.toString()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            URI address = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (address == null) {
                assertThat(process.isAlive()).as("serve runs; it printed: %s", Files.readString(output)).isTrue();
                assertThat(System.nanoTime()).as("serve said where it listens").isLessThan(deadline);
                Matcher listening = Pattern.compile("listening on (http://\\S+)").matcher(Files.readString(output));
                address = listening.find() ? URI.create(listening.group(1)) : null;
                Thread.sleep(100);
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> decided = http.send(HttpRequest.newBuilder(address.resolve("/v1/gate"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"input\": \"can I use my phone in Spain?\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            assertThat(decided.body()).contains("\"decision\":\"accept\"");

            String many = IntStream.range(0, 200).mapToObj(i -> "\"ticket " + i + ": my bill shows a charge I do not understand, "
                    + "roaming in Spain and a data plan I never asked for, please explain every line\"")
                    .collect(Collectors.joining(",", "{\"model\": \"all-minilm-l6-v2\", \"input\": [", "]}"));
            var inFlight = http.sendAsync(HttpRequest.newBuilder(address.resolve("/v1/embeddings"))
                    .POST(HttpRequest.BodyPublishers.ofString(many)).build(), HttpResponse.BodyHandlers.ofString());
            URI metrics = address.resolve("/metrics");
            while (!http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("embex_requests_in_flight 2")) {
                assertThat(inFlight.isDone()).as("the long request is still in flight").isFalse();
                Thread.sleep(5);
            }
            // SIGTERM to the JVM itself: strace, its parent, passes on its exit code.
            process.children().findFirst().orElseThrow().destroy();
            HttpResponse<String> answered = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("\"index\":199");
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit on SIGTERM; it printed: %s", Files.readString(output)).isZero();
            assertThat(Files.readString(output)).contains("embex serve: stopped");
        } finally {
            process.destroyForcibly();
        }
        assertThat(outwardConnections(trace)).as("connections serve opened beyond this machine").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void detectorSeesTheTelemetryConnectionsAndLetsLoopbackPass(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // Lines as strace wrote them for DJL's telemetry before the fix, and for local traffic.
        Path trace = Files.writeString(dir.resolve("t"), String.join("\n",
                "2349  connect(79, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), "
                        + "inet_pton(AF_INET6, \"::ffff:169.254.169.254\", &sin6_addr), sin6_scope_id=0}, 28) = -1 EINPROGRESS",
                "2350  connect(5, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"52.1.2.3\")}, 16) = 0",
                "2351  connect(6, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "2352  connect(7, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT"));
        assertThat(outwardConnections(trace)).hasSize(2);
    }

    /** The connect calls to anything but a local socket or a loopback address. */
    static List<String> outwardConnections(Path trace) throws IOException {
        List<String> outward = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            Matcher connect = CONNECT.matcher(line);
            if (!connect.find()) {
                continue;
            }
            String family = connect.group(1);
            boolean local = family.equals("AF_UNIX") || family.equals("AF_LOCAL") || family.equals("AF_NETLINK")
                    || family.equals("AF_UNSPEC") || LOOPBACK.matcher(connect.group(2)).find();
            if (!local) {
                outward.add(line.strip());
            }
        }
        return outward;
    }
}
