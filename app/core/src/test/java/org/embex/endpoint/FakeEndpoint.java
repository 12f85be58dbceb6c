package org.embex.endpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that speaks the OpenAI embeddings format: it answers each text
 * with a vector drawn from the text's hash and a salt (a "model version"), unless a scripted
 * answer (a status, a delay, a body) is queued for the next request. It remembers what it was asked.
 */
public final class FakeEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Scripted(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final int dims;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private volatile long salt;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    public FakeEndpoint(int dims) throws IOException {
        this.dims = dims;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Another "model" behind the same name from now on: every vector changes. */
    public void changeModel(long newSalt) {
        salt = newSalt;
    }

    synchronized void then(int status, Map<String, String> headers, String body) {
        script.add(new Scripted(status, headers, body, 0));
    }

    synchronized void thenSlow(long delayMillis) {
        script.add(new Scripted(0, Map.of(), null, delayMillis));
    }

    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The vector this endpoint gives a text now, before normalisation. */
    public float[] vectorOf(String text) {
        Random random = new Random(text.hashCode() * 31L + salt);
        float[] vector = new float[dims];
        for (int i = 0; i < dims; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    /** The most requests this endpoint was answering at once. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            answerOne(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answerOne(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        Scripted next;
        synchronized (this) {
            requests.add(request);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            next = script.poll();
        }
        if (next != null && next.delayMillis() > 0) {
            sleep(next.delayMillis());
            next = null;
        }
        if (next != null) {
            next.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            send(exchange, next.status(), next.body());
            return;
        }
        boolean base64 = "base64".equals(request.path("encoding_format").asText());
        ObjectNode body = JSON.createObjectNode().put("object", "list").put("model", request.path("model").asText());
        ArrayNode data = body.putArray("data");
        JsonNode input = request.get("input");
        for (int i = input.size() - 1; i >= 0; i--) {
            // Backwards: the client must order the vectors by their index, not by their place.
            float[] vector = vectorOf(input.get(i).asText());
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float value : vector) {
                    bytes.putFloat(value);
                }
                item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                ArrayNode numbers = item.putArray("embedding");
                for (float value : vector) {
                    numbers.add(value);
                }
            }
        }
        body.putObject("usage").put("prompt_tokens", input.size()).put("total_tokens", input.size());
        send(exchange, 200, body.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A model folder whose model.json points at this endpoint. */
    public Path modelFolder(Path parent, String id, String extraEndpointFields) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(id));
        Files.writeString(folder.resolve("model.json"), """
                {"id": "%s", "description": "test endpoint", "dims": %d,
                 "prefixes": {"query": "query: ", "passage": "", "text": ""},
                 "endpoint": {"url": "%s", "model": "remote-%s"%s}}
                """.formatted(id, dims, baseUrl(), id, extraEndpointFields));
        return folder;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
