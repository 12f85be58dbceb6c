package org.embex.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.embex.BadInputException;

/**
 * Every request's way through the server: the key, the route, the body (within its limit, as
 * JSON), the route's answer, and errors as one-line JSON with the right status, counted and timed
 * for {@code /metrics}. Nothing a caller sends can stop the server.
 */
final class Api extends Handler.Abstract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final ServerSettings settings;
    private final Map<String, Route> posts;
    private final Route health;
    private final Metrics metrics;
    private final Consumer<String> log;

    /** @param posts the POST routes by path; {@code /healthz} and {@code /metrics} answer GET */
    Api(ServerSettings settings, Map<String, Route> posts, Route health, Metrics metrics, Consumer<String> log) {
        this.settings = settings;
        this.posts = Map.copyOf(posts);
        this.health = health;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        metrics.begin();
        String path = Request.getPathInContext(request);
        String route = posts.containsKey(path) || path.equals("/healthz") || path.equals("/metrics") ? path : "other";
        int status = 200;
        String type = JSON_TYPE;
        byte[] body;
        String asked = "";
        try {
            authorize(request);
            if (path.equals("/metrics") || path.equals("/healthz")) {
                requireMethod(request, "GET");
                body = path.equals("/metrics") ? metrics.text().getBytes(StandardCharsets.UTF_8) : json(health.answer(null));
                type = path.equals("/metrics") ? "text/plain; version=0.0.4; charset=utf-8" : JSON_TYPE;
            } else if (posts.containsKey(path)) {
                requireMethod(request, "POST");
                JsonNode content = read(request);
                asked = settings.logTexts() ? " " + content : "";
                body = json(posts.get(path).answer(content));
            } else {
                throw ApiError.notFound("no route " + path + "; routes: POST " + String.join(", POST ", posts.keySet().stream()
                        .sorted().toList()) + ", GET /healthz, GET /metrics");
            }
        } catch (ApiError e) {
            status = e.status();
            body = error(e.type(), e.getMessage());
            if (status == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
        } catch (BadInputException e) {
            status = 400;
            body = error("invalid_request_error", e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            body = error("server_error", "the server failed on this request: " + e);
            log.accept("error on " + request.getMethod() + " " + path + ": " + e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
        long took = System.nanoTime() - started;
        metrics.request(route, status, took);
        if (settings.accessLog()) {
            log.accept(String.format("%s %s %d %.1f ms%s", request.getMethod(), path, status, took / 1e6, asked));
        }
        return true;
    }

    private void authorize(Request request) {
        Optional<String> key = settings.apiKey();
        if (key.isEmpty()) {
            return;
        }
        String given = Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)).orElse("");
        byte[] expected = ("Bearer " + key.get()).getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so that the time taken does not tell how much of a guess was right.
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "authentication_error", given.isEmpty()
                    ? "this server wants its API key: send the header Authorization: Bearer KEY" : "wrong API key");
        }
    }

    private static void requireMethod(Request request, String method) {
        if (!request.getMethod().equals(method)) {
            throw new ApiError(405, "invalid_request_error", Request.getPathInContext(request) + " answers " + method
                    + ", not " + request.getMethod());
        }
    }

    private JsonNode read(Request request) {
        int limit = settings.limits().maxBodyBytes();
        if (request.getLength() > limit) {
            throw tooLarge(request.getLength(), limit);
        }
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw ApiError.badRequest("could not read the request body: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw tooLarge(-1, limit);
        }
        try {
            JsonNode body = JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object, is " + (body == null ? "empty" : Texts.kind(body)));
            }
            return body;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw ApiError.badRequest("the body is not valid JSON" + (where == null ? "" : " at line " + where.getLineNr()
                    + ", column " + where.getColumnNr()) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw ApiError.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    private static ApiError tooLarge(long length, int limit) {
        return new ApiError(413, "invalid_request_error", "the body" + (length > 0 ? " has " + length + " bytes;" : " is larger:")
                + " this server takes at most " + limit + " bytes (--max-body)");
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
        }
    }

    /** One line: {"error":{"message":…,"type":…}}, the shape OpenAI's clients read. */
    private static byte[] error(String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message.replace('\n', ' '));
        error.put("type", type);
        return (new String(json(Map.of("error", error)), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
