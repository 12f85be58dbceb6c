package org.embex.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.embex.desktop.Fixtures;

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
    @ValueSource(strings = {"similarity", "embed", "search", "project", "plot"})
    void commandOpensNoConnectionBeyondLoopback(String command, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path trace = dir.resolve("connect.trace");
        Path cache = dir.resolve("cache.sqlite");
        Path sample = Fixtures.sample("en");
        List<String> args = switch (command) {
            case "similarity" -> List.of("similarity", "-m", "all-minilm-l6-v2", "my bill is too high", "why was I charged twice?");
            case "embed" -> List.of("embed", sample.toString(), "-m", "all-minilm-l6-v2", "--cache", cache.toString(), "--quiet");
            case "search" -> List.of("search", sample.toString(), "-m", "all-minilm-l6-v2", "-q", "roaming abroad",
                    "--cache", cache.toString(), "--quiet");
            case "project" -> List.of("project", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                    "--cache", cache.toString(), "--quiet");
            case "plot" -> List.of("plot", sample.toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                    "-o", dir.resolve("map.png").toString(), "--cache", cache.toString(), "--quiet");
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
