package org.embex.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * How {@code embex serve} runs: where it listens, who may call it, what it loads, and its limits.
 *
 * @param port        0 for any free port (the address it got is printed)
 * @param apiKey      the Bearer key every request must carry; required to listen beyond loopback
 * @param gates       gate files by the name requests use
 * @param corpus      the corpus {@code /v1/search} answers over, with the model it is embedded with
 * @param batchWindow how long the first text of a micro-batch waits for others
 * @param maxBatch    the most texts in one engine call; 0 for the model's own choice (64 on two cores)
 * @param queryCache  how many query vectors to keep (0: none)
 * @param logTexts    whether the access log shows the texts asked about (off: they may be private)
 */
public record ServerSettings(String host, int port, Optional<String> apiKey, Map<String, Path> gates,
                             Optional<Path> corpus, Optional<String> corpusModel, Limits limits, boolean batching,
                             Duration batchWindow, int maxBatch, int queryCache, boolean accessLog, boolean logTexts) {

    /** What one request may ask. */
    public record Limits(int maxBodyBytes, int maxTexts, int maxChars, Duration timeout) {

        public static final Limits DEFAULT = new Limits(1 << 20, 256, 8192, Duration.ofSeconds(10));

        public Limits {
            if (maxBodyBytes < 1 || maxTexts < 1 || maxChars < 1 || timeout.isNegative() || timeout.isZero()) {
                throw new BadInputException("server limits must be positive: body " + maxBodyBytes + " bytes, " + maxTexts
                        + " texts, " + maxChars + " characters, timeout " + timeout.toMillis() + " ms");
            }
        }
    }

    public ServerSettings {
        gates = Map.copyOf(gates);
        if (port < 0 || port > 65_535) {
            throw new BadInputException("--port must be within 0-65535, is " + port);
        }
        if (apiKey.isPresent() && apiKey.get().isBlank()) {
            throw new BadInputException("--api-key is empty");
        }
        if (!loopback(host) && apiKey.isEmpty()) {
            throw new BadInputException("listening on " + host + " reaches beyond this machine: give an API key "
                    + "(--api-key, or EMBEX_API_KEY) that every request must carry, or listen on 127.0.0.1");
        }
        if (corpus.isPresent() != corpusModel.isPresent()) {
            throw new BadInputException("--corpus and -m MODEL go together: search needs a corpus and its model");
        }
        if (maxBatch < 0 || queryCache < 0) {
            throw new BadInputException("--max-batch and --query-cache must be at least 0");
        }
    }

    /** Whether {@code host} is this machine alone (127.0.0.0/8, ::1, localhost). */
    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new BadInputException("--host " + host + ": unknown host");
        }
    }
}
