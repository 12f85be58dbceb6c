package org.embex.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.embex.EmbexException;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.Search;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/**
 * {@code embex serve}: loads the gates, the models and the corpus once, then answers over HTTP
 * until stopped. A stop is graceful: the server stops accepting, answers what it accepted, and
 * closes.
 */
public final class EmbexServer implements AutoCloseable {

    /** How long a stop waits for requests in flight. */
    private static final long MIN_IDLE_MILLIS = 30_000;
    private static final long STOP_MILLIS = 30_000;
    private static final long WATCH_MILLIS = 1_000;

    private final Server jetty;
    private final Encoders encoders;
    private final Decisions decisions;
    private final Gates gates;
    private final Metrics metrics;

    private EmbexServer(Server jetty, Encoders encoders, Decisions decisions, Gates gates, Metrics metrics) {
        this.jetty = jetty;
        this.encoders = encoders;
        this.decisions = decisions;
        this.gates = gates;
        this.metrics = metrics;
    }

    /**
     * Loads what {@code settings} name and starts listening; says on {@code log} where and what.
     * A gate, a model or a corpus that does not load stops the start with the reason.
     */
    public static EmbexServer start(Workspace workspace, ServerSettings settings, Consumer<String> log) {
        Metrics metrics = new Metrics();
        Gates gates = new Gates(workspace, settings.gates(), metrics, log);
        Encoders encoders = new Encoders(workspace, settings, metrics);
        Decisions decisions = new Decisions(settings);
        try {
            Optional<EmbeddedCorpus> corpus = settings.corpus().map(file -> searchable(workspace, file,
                    settings.corpusModel().orElseThrow()));
            gates.all().values().forEach(loaded -> encoders.load(loaded.policy().modelId()));
            corpus.ifPresent(search -> encoders.load(search.modelRef()));

            Map<String, Route> posts = new LinkedHashMap<>();
            posts.put("/v1/embeddings", new EmbeddingsRoute(encoders, settings.limits()));
            posts.put("/v1/gate", new GateRoute(gates, encoders, decisions, settings.limits()));
            corpus.ifPresent(search -> posts.put("/v1/search", new SearchRoute(search, encoders, settings.limits())));
            Api api = new Api(settings, posts, new HealthRoute(gates, corpus), metrics, log);

            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("embex-http");
            threads.setDaemon(true);
            Server jetty = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            // A quiet connection is closed after a while, but never sooner than a slow client needs to send its
            // body: tied to a short --timeout alone, a loaded machine dropped requests before they were read.
            connector.setIdleTimeout(Math.max(settings.limits().timeout().toMillis() * 3, MIN_IDLE_MILLIS));
            jetty.addConnector(connector);
            jetty.setHandler(new GracefulHandler(api));
            jetty.setStopTimeout(STOP_MILLIS);
            jetty.setStopAtShutdown(false);
            jetty.start();
            EmbexServer server = new EmbexServer(jetty, encoders, decisions, gates, metrics);
            gates.watch(WATCH_MILLIS);
            log.accept("embex serve: listening on " + server.uri() + (settings.apiKey().isPresent() ? " (API key required)" : ""));
            gates.all().forEach((name, loaded) -> log.accept(String.format("  gate %s: %s, %s, threshold %.4f, %,d anchors",
                    name, loaded.file(), loaded.policy().modelId(), loaded.policy().gate().threshold(),
                    loaded.policy().gate().intents().size())));
            corpus.ifPresent(search -> log.accept(String.format("  search: %s, %,d texts, %s", search.spec().file(),
                    search.size(), search.model())));
            log.accept("  routes: POST " + String.join(", POST ", posts.keySet()) + ", GET /healthz, GET /metrics");
            return server;
        } catch (Exception e) {
            encoders.close();
            decisions.close();
            gates.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EmbexException("could not listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** The corpus embedded with {@code model} through the cache, with its graph index when it wants one. */
    private static EmbeddedCorpus searchable(Workspace workspace, java.nio.file.Path file, String model) {
        CorpusSpec spec = CorpusSpec.defaults(file);
        EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, spec, spec.read(), model, ProgressListener.NONE,
                CancellationToken.none());
        Search.ready(workspace, corpus, Metric.COSINE, ProgressListener.NONE);
        return corpus;
    }

    /** Where the server listens, with the port it got. */
    public URI uri() {
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    /** The gate names in force. */
    public List<String> gates() {
        return gates.names();
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops accepting, answers the requests in flight (waiting up to 30 s), then closes the models.
     */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new EmbexException("the server did not stop cleanly: " + e.getMessage(), e);
        } finally {
            gates.close();
            decisions.close();
            encoders.close();
        }
    }

    Metrics metrics() {
        return metrics;
    }
}
