package org.embex.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import org.embex.BadInputException;
import org.embex.cli.CacheOptions;
import org.embex.cli.CatalogueOptions;
import org.embex.server.EmbexServer;
import org.embex.server.ServerSettings;
import org.embex.usecase.Workspace;

/** {@code embex serve}: the gate, the embedder and search behind HTTP, until SIGTERM or Ctrl-C. */
@Command(name = "serve", header = "Serve gates, embeddings and search over HTTP (loopback only unless given an API key).",
        description = {"POST /v1/embeddings (OpenAI-compatible), POST /v1/gate, POST /v1/search (with --corpus), "
                + "GET /healthz, GET /metrics (Prometheus). A changed gate file is read again without a restart.",
            "SIGTERM or Ctrl-C stops accepting, answers what was accepted, and exits 0."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private CatalogueOptions catalogue;

    @Mixin
    private CacheOptions cache;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs --api-key.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: any free one).")
    private int port;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:EMBEX_API_KEY}",
            description = "Key every request must carry as 'Authorization: Bearer KEY' (default: $EMBEX_API_KEY).")
    private String apiKey;

    @Option(names = "--gate", paramLabel = "[NAME=]FILE",
            description = "A gate exported by the workbench or 'eval gate --export', named NAME (default: the file's name); repeatable.")
    private List<String> gates = new ArrayList<>();

    @Option(names = "--corpus", paramLabel = "FILE", description = "A corpus for POST /v1/search, embedded (through the cache) with -m.")
    private Path corpus;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "The model the --corpus is embedded with.")
    private String model;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    private int maxBody;

    @Option(names = "--max-texts", paramLabel = "N", defaultValue = "256", description = "Most texts in one request (default: ${DEFAULT-VALUE}).")
    private int maxTexts;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "8192", description = "Longest text, in characters (default: ${DEFAULT-VALUE}).")
    private int maxChars;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000", description = "Longest wait for an answer (default: ${DEFAULT-VALUE}).")
    private long timeoutMillis;

    @Option(names = "--no-batching", description = "Embed each request on its own instead of with the requests that arrive with it.")
    private boolean noBatching;

    @Option(names = "--batch-window", paramLabel = "MS", defaultValue = "2",
            description = "How long a request waits for others to share a model run (default: ${DEFAULT-VALUE}).")
    private long batchWindowMillis;

    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "0",
            description = "Most texts embedded together (default 0: 32 per core, run eight at a time on each).")
    private int maxBatch;

    @Option(names = "--query-cache", paramLabel = "N", defaultValue = "10000",
            description = "Query vectors kept for repeated questions (default: ${DEFAULT-VALUE}; 0: off).")
    private int queryCache;

    @Option(names = "--access-log", description = "A line on stderr per request: method, path, status, time.")
    private boolean accessLog;

    @Option(names = "--log-texts", description = "Add the request bodies (the texts asked about) to the access log.")
    private boolean logTexts;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = new ServerSettings(host, port, Optional.ofNullable(apiKey).filter(key -> !key.isEmpty()),
                named(gates), Optional.ofNullable(corpus), Optional.ofNullable(model),
                new ServerSettings.Limits(maxBody, maxTexts, maxChars, Duration.ofMillis(timeoutMillis)), !noBatching,
                Duration.ofMillis(batchWindowMillis), maxBatch, queryCache, accessLog || logTexts, logTexts);
        try (Workspace workspace = catalogue.workspace(cache)) {
            EmbexServer server = EmbexServer.start(workspace, settings, ServeCommand::say);
            CountDownLatch stopped = new CountDownLatch(1);
            Runnable stop = () -> {
                say("embex serve: stopping; answering the requests in flight");
                server.close();
                stopped.countDown();
            };
            // A handler, not a shutdown hook: a hook runs as the JVM dies with 143; this answers what is in flight and exits 0.
            Signal.handle(new Signal("TERM"), signal -> stop.run());
            Signal.handle(new Signal("INT"), signal -> stop.run());
            stopped.await();
            say("embex serve: stopped");
        }
        return 0;
    }

    /** NAME=FILE pairs, or FILE named by its file name without extension. */
    static Map<String, Path> named(List<String> gates) {
        Map<String, Path> named = new LinkedHashMap<>();
        for (String gate : gates) {
            int equals = gate.indexOf('=');
            Path file = Path.of(equals < 0 ? gate : gate.substring(equals + 1));
            String name = equals < 0 ? file.getFileName().toString().replaceFirst("\\.json$", "") : gate.substring(0, equals);
            if (name.isBlank() || named.putIfAbsent(name, file) != null) {
                throw new BadInputException("--gate " + gate + ": " + (name.isBlank() ? "the name is empty" : "a second gate named '"
                        + name + "'; name them NAME=FILE"));
            }
        }
        return named;
    }

    private static void say(String line) {
        System.err.println(line);
        System.err.flush();
    }
}
