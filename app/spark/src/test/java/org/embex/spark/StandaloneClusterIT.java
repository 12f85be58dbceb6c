package org.embex.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelInstaller;

/**
 * The job jar ({@code embex-spark-*-job.jar}) given to {@code SparkSubmit} against a real standalone
 * cluster on loopback: Spark's own {@code Master} and {@code Worker}, each in a JVM of its own, the
 * worker starting an executor JVM of its own. The cluster's classpath is a Spark installation made
 * of Spark's jars alone (every jar of this test's classpath the job jar does not carry), so the
 * executor finds embex, ONNX Runtime and the tokenizer only in the job jar, as on a real cluster.
 */
class StandaloneClusterIT {

    private static final String MODEL = "all-minilm-l6-v2";
    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration JOB = Duration.ofMinutes(5);

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopCluster() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theJobJarRunsOnAStandaloneMasterAndWorker(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("embex.root")).toAbsolutePath().normalize();
        Path models = root.resolve("models");
        new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false))
                .install(new ModelCatalogue(models).find(MODEL));
        Path job = Path.of(System.getProperty("embex.spark.job"));
        Path sparkHome = sparkInstallation(job.resolveSibling("standalone-spark"), job, root);

        int masterPort = freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        Path masterLog = dir.resolve("master.log");
        start(sparkHome, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        awaitLine(masterLog, "I have been elected leader", START);

        Path work = Files.createDirectories(dir.resolve("worker"));
        Path workerLog = dir.resolve("worker.log");
        start(sparkHome, workerLog, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
                "--memory", "2g", "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString(), master);
        awaitLine(workerLog, "Successfully registered with master", START);

        Path sample = root.resolve("samples").resolve("telecom-support-en.csv");
        Path out = dir.resolve("out");
        Path submitLog = dir.resolve("submit.log");
        Process submit = start(sparkHome, submitLog, "org.apache.spark.deploy.SparkSubmit", "--master", master,
                "--deploy-mode", "client", "--class", EmbedCommand.class.getName(),
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.executor.memory=1g",
                "--conf", "spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector",
                job.toString(), sample.toString(), "-m", models.resolve(MODEL).toString(), "-o", out.toString(),
                "--partitions", "3");
        boolean ended = submit.waitFor(JOB.toSeconds(), TimeUnit.SECONDS);
        String said = Files.readString(submitLog);
        assertThat(ended).as("the job ended within %s:%n%s", JOB, said).isTrue();
        assertThat(submit.exitValue()).as("spark-submit's exit:%n%s", said).isZero();
        assertThat(said).contains("402 rows embedded into 3 parts");

        // The tasks ran in the executor the worker started, not in the submitting JVM.
        try (Stream<Path> executors = Files.walk(work)) {
            assertThat(executors.filter(path -> path.getFileName().toString().equals("stderr")).toList()).isNotEmpty();
        }
        Map<String, float[]> written = EmbedVectors.written(out);
        assertThat(written).hasSize(402);
        assertThat(EmbedVectors.lowestCosine(EmbedVectors.embedded(models, MODEL, sample, dir.resolve("cache.sqlite")), written))
                .isGreaterThanOrEqualTo(0.99999);
    }

    /**
     * A Spark home (in the build's folder, remade each run) whose {@code jars} folder holds this classpath's jars but those whose classes the
     * job jar carries, and whose {@code conf} folder has the job's logging.
     */
    private static Path sparkInstallation(Path home, Path job, Path root) throws IOException {
        deleteLinks(home);
        Set<String> carried = new HashSet<>();
        try (JarFile jar = new JarFile(job.toFile())) {
            jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).forEach(carried::add);
        }
        assertThat(carried).as("the job jar carries embex and ONNX Runtime")
                .contains("org/embex/spark/EmbedCommand.class", "ai/onnxruntime/OrtSession.class");
        assertThat(carried).as("the job jar leaves Spark to the cluster").doesNotContain("org/apache/spark/SparkContext.class");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path) && !carries(carried, path)) {
                Files.createSymbolicLink(jars.resolve(path.getFileName()), path.toAbsolutePath());
            }
        }
        // A distribution's mark: without it Spark's launcher looks for the jars in a source checkout's build folders.
        Files.writeString(home.resolve("RELEASE"), "Spark, from its Maven jars\n");
        // The job's quiet logging, but the master's and the worker's notes, which say when they are up.
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("log4j2.properties"), Files.readString(root.resolve("app/spark/log4j2.properties"))
                + "logger.deploy.name = org.apache.spark.deploy\nlogger.deploy.level = info\n");
        return home;
    }

    /** An earlier run's installation: links and small files, never what they point to. */
    private static void deleteLinks(Path home) throws IOException {
        if (Files.exists(home)) {
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Whether the job jar carries the first class of {@code jar} (a jar without classes is left to the cluster). */
    private static boolean carries(Set<String> carried, Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    return carried.contains(name);
                }
            }
        }
        return false;
    }

    /** A JVM on the Spark installation's classpath, as Spark's scripts start one, its output to {@code log}. */
    private Process start(Path sparkHome, Path log, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("--add-modules=jdk.incubator.vector");
        command.addAll(List.of(System.getProperty("embex.spark.opens").trim().split("\\s+")));
        command.add("-cp");
        command.add(sparkHome.resolve("conf") + File.pathSeparator + sparkHome.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // Set by a distribution's load-spark-env.sh; the worker's launcher needs it to start an executor.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().remove("SPARK_MASTER");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static void awaitLine(Path log, String line, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no \"" + line + "\" within " + within + " in " + log + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
