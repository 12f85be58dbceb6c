package org.embex.model;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * Where a model of the endpoint kind runs: an OpenAI-compatible embeddings API that the user
 * named in the model's {@code model.json}. The only place texts leave the machine.
 *
 * @param baseUrl     the API's base, e.g. {@code http://127.0.0.1:8080/v1}; requests go to {@code baseUrl/embeddings}
 * @param remoteModel the model's name at the endpoint, sent as {@code model}
 * @param apiKeyEnv   the environment variable that holds the API key (never the key itself), if the endpoint wants one
 * @param batch       texts per request
 * @param timeout     how long one request may take before it counts as failed and is tried again
 * @param attempts    tries per request, the first included, for answers 429 and 5xx and timeouts
 * @param parallel    requests in flight at once
 */
public record Endpoint(URI baseUrl, String remoteModel, Optional<String> apiKeyEnv, int batch, Duration timeout,
                       int attempts, int parallel) {

    public static final int DEFAULT_BATCH = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_ATTEMPTS = 6;
    /** Two requests in flight: an endpoint's round trip overlaps the next request's work, and few rate limits mind two. */
    public static final int DEFAULT_PARALLEL = 2;

    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = Objects.requireNonNullElse(baseUrl.getScheme(), "");
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new BadInputException("endpoint url '" + baseUrl + "' must be an http:// or https:// address with a host");
        }
        if (Objects.requireNonNull(remoteModel, "remoteModel").isBlank()) {
            throw new BadInputException("endpoint model name is empty");
        }
        apiKeyEnv = Objects.requireNonNullElse(apiKeyEnv, Optional.empty());
        if (batch < 1 || batch > 2048) {
            throw new BadInputException("endpoint batch must be 1 to 2048 texts, was " + batch);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new BadInputException("endpoint timeout must be positive, was " + timeout.toMillis() + " ms");
        }
        if (attempts < 1) {
            throw new BadInputException("endpoint attempts must be at least 1, was " + attempts);
        }
        if (parallel < 1 || parallel > 16) {
            throw new BadInputException("endpoint parallel must be 1 to 16 requests, was " + parallel);
        }
    }

    /** The address embeddings are asked of. */
    public URI embeddingsUri() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "embeddings" : base + "/embeddings");
    }

    /** Scheme, host and port: what a user is told texts go to, and what a confirmation is remembered for. */
    public String origin() {
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + (baseUrl.getPort() >= 0 ? ":" + baseUrl.getPort() : "");
    }
}
