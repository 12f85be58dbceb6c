package org.embex.endpoint;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.embex.BadInputException;
import org.embex.EmbexException;
import org.embex.model.Endpoint;
import org.embex.progress.CancelledException;

/**
 * Asks an OpenAI-compatible endpoint for the vectors of a batch of texts ({@code POST
 * baseUrl/embeddings}), tries again on 429, 5xx, a refused connection and a timeout, and says in
 * one line what went wrong otherwise. Reads vectors as JSON numbers or as base64 float32, as the
 * published format allows, and puts them in the order of the texts by their {@code index}.
 */
public final class EndpointClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of an endpoint's own error message to tell what it meant, and one line. */
    private static final int MESSAGE_CHARS = 200;

    private final Endpoint endpoint;
    private final Optional<String> apiKey;
    private final int dims;
    private final String where;
    private final RetryPolicy retries;
    private final RandomGenerator random;
    private final HttpClient http;

    EndpointClient(Endpoint endpoint, Optional<String> apiKey, int dims, String where, RetryPolicy retries,
                   RandomGenerator random) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.dims = dims;
        this.where = where;
        this.retries = retries;
        this.random = random;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The vectors of {@code texts}, in their order, as the endpoint gave them (not normalised). */
    List<float[]> embed(List<String> texts) {
        HttpRequest request = request(texts);
        String failure = "";
        for (int attempt = 1; attempt <= endpoint.attempts(); attempt++) {
            Optional<String> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return vectors(response.body(), texts.size());
                }
                if (status != 429 && status < 500) {
                    throw refused(status, response.body());
                }
                failure = "answered " + status + errorMessage(response.body()).map(m -> ": " + m).orElse("");
                retryAfter = response.headers().firstValue("Retry-After");
            } catch (HttpTimeoutException e) {
                failure = "gave no answer within " + endpoint.timeout().toSeconds() + " s (timeout_seconds in " + where + ")";
            } catch (ConnectException e) {
                failure = "refused the connection";
            } catch (IOException e) {
                failure = "broke off: " + oneLine(String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
            if (attempt < endpoint.attempts()) {
                pause(retries.wait(attempt + 1, retryAfter, random));
            }
        }
        throw new EmbexException("endpoint " + endpoint.embeddingsUri() + " " + failure + ", " + endpoint.attempts()
                + (endpoint.attempts() == 1 ? " try" : " tries"));
    }

    private HttpRequest request(List<String> texts) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", endpoint.remoteModel());
        body.putArray("input").addAll(texts.stream().map(JSON.getNodeFactory()::textNode).toList());
        // base64 is a quarter of the bytes of decimal numbers, and exact; an endpoint that ignores it sends numbers.
        body.put("encoding_format", "base64");
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.embeddingsUri()).timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    private EmbexException refused(int status, String body) {
        String said = errorMessage(body).map(m -> ": " + m).orElse("");
        String prefix = "endpoint " + endpoint.embeddingsUri() + " answered " + status + said;
        return switch (status) {
            case 401, 403 -> new BadInputException(prefix + "; " + endpoint.apiKeyEnv()
                    .map(env -> "check the API key in $" + env)
                    .orElse("it wants an API key: name the environment variable that holds it with api_key_env in " + where));
            case 404 -> new BadInputException(prefix + "; check the url and the model name '" + endpoint.remoteModel()
                    + "' in " + where);
            case 413 -> new BadInputException(prefix + "; the request was too large: lower 'batch' (now "
                    + endpoint.batch() + ") in " + where);
            default -> new BadInputException(prefix);
        };
    }

    private List<float[]> vectors(String body, int expected) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw wrongShape("not JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + oneLine(e.getOriginalMessage()) + ")");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw wrongShape("no 'data' list");
        }
        if (data.size() != expected) {
            throw wrongShape(data.size() + " vectors for " + expected + " texts");
        }
        float[][] ordered = new float[expected][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").canConvertToInt() ? item.path("index").asInt(-1) : -1;
            if (!item.path("index").isIntegralNumber() || index < 0 || index >= expected || ordered[index] != null) {
                throw wrongShape("data[" + i + "] has no 'index' from 0 to " + (expected - 1) + " of its own");
            }
            ordered[index] = vector(item.get("embedding"), i);
        }
        return List.of(ordered);
    }

    private float[] vector(JsonNode embedding, int item) {
        float[] vector;
        if (embedding != null && embedding.isTextual()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(embedding.asText());
            } catch (IllegalArgumentException e) {
                throw wrongShape("data[" + item + "].embedding is neither numbers nor base64");
            }
            if (bytes.length % Float.BYTES != 0) {
                throw wrongShape("data[" + item + "].embedding holds " + bytes.length + " bytes, not whole float32 values");
            }
            vector = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        } else if (embedding != null && embedding.isArray()) {
            vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                JsonNode number = embedding.get(i);
                if (!number.isNumber()) {
                    throw wrongShape("data[" + item + "].embedding[" + i + "] is not a number");
                }
                vector[i] = number.floatValue();
            }
        } else {
            throw wrongShape("data[" + item + "] has no 'embedding'");
        }
        if (vector.length != dims) {
            throw new BadInputException("endpoint " + endpoint.embeddingsUri() + " gave vectors of " + vector.length
                    + " numbers, but " + where + " says dims " + dims);
        }
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                throw wrongShape("data[" + item + "].embedding holds " + value);
            }
        }
        return vector;
    }

    private EmbexException wrongShape(String what) {
        return new EmbexException("endpoint " + endpoint.embeddingsUri() + " answered in a shape that is not the "
                + "OpenAI embeddings format: " + what);
    }

    /** The endpoint's own words, from {"error": {"message": ...}} or {"error": "..."}, or a short plain body. */
    private static Optional<String> errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            JsonNode message = error.isObject() ? error.path("message") : error;
            if (message.isTextual() && !message.asText().isBlank()) {
                return Optional.of(oneLine(message.asText()));
            }
        } catch (JsonProcessingException | RuntimeException notJson) {
            // A proxy's HTML page, say: a short plain body still says something.
        }
        String plain = oneLine(body == null ? "" : body);
        return plain.isBlank() || plain.startsWith("<") ? Optional.empty() : Optional.of(plain);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MESSAGE_CHARS ? line : line.substring(0, MESSAGE_CHARS) + "…";
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }
}
