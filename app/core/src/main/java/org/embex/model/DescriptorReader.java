package org.embex.model;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.embex.BadInputException;

/** Reads a {@code model.json} descriptor, saying which file and which key is wrong. */
public final class DescriptorReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an endpoint model is said to read when its model.json does not say: the endpoint cuts texts itself. */
    static final int ENDPOINT_MAX_TOKENS = 8192;

    private DescriptorReader() {
    }

    public static ModelFolder read(Path directory) {
        Path file = directory.resolve(ModelFolder.DESCRIPTOR);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(directory + " is not a model folder: it has no " + ModelFolder.DESCRIPTOR);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object");
        }
        Keys keys = new Keys(file, root);
        JsonNode prefixes = root.path("prefixes");
        Optional<Endpoint> endpoint = endpoint(keys, root);
        // An endpoint pools and cuts texts itself: its model.json need not say how.
        ModelDescriptor descriptor = new ModelDescriptor(
                keys.text("id", directory.getFileName().toString()),
                keys.text("description", ""),
                source(keys, root),
                keys.positiveInt("dims"),
                Pooling.parse(keys.text("pooling", endpoint.isPresent() ? Pooling.MEAN.label() : null)),
                endpoint.isPresent() && !root.has("max_tokens") ? ENDPOINT_MAX_TOKENS : keys.positiveInt("max_tokens"),
                keys.text("language", "multi"),
                root.path("quantized").asBoolean(false),
                new Prefixes(prefixes.path("query").asText(""), prefixes.path("passage").asText(""),
                        prefixes.path("text").asText("")),
                keys.text("unknown_token", ModelDescriptor.DEFAULT_UNKNOWN_TOKEN),
                endpoint);
        return new ModelFolder(descriptor, directory);
    }

    private static Optional<Endpoint> endpoint(Keys keys, JsonNode root) {
        if (!root.has("endpoint")) {
            return Optional.empty();
        }
        JsonNode node = root.get("endpoint");
        if (!node.isObject()) {
            throw new BadInputException(keys.file + ": 'endpoint' must be an object with url and model");
        }
        Keys endpoint = new Keys(keys.file, node);
        String url = endpoint.text("url", null);
        URI base;
        try {
            base = new URI(url);
        } catch (URISyntaxException e) {
            throw new BadInputException(keys.file + ": endpoint 'url' is not an address: " + e.getMessage(), e);
        }
        if (node.has("api_key")) {
            throw new BadInputException(keys.file + ": an API key does not belong in model.json; put it in an environment "
                    + "variable and name that variable with 'api_key_env'");
        }
        Optional<String> keyEnv = node.hasNonNull("api_key_env") ? Optional.of(endpoint.text("api_key_env", null))
                : Optional.empty();
        try {
            return Optional.of(new Endpoint(base, endpoint.text("model", null), keyEnv,
                    node.has("batch") ? endpoint.positiveInt("batch") : Endpoint.DEFAULT_BATCH,
                    node.has("timeout_seconds") ? Duration.ofSeconds(endpoint.positiveInt("timeout_seconds"))
                            : Endpoint.DEFAULT_TIMEOUT,
                    node.has("attempts") ? endpoint.positiveInt("attempts") : Endpoint.DEFAULT_ATTEMPTS,
                    node.has("parallel") ? endpoint.positiveInt("parallel") : Endpoint.DEFAULT_PARALLEL));
        } catch (BadInputException e) {
            throw new BadInputException(keys.file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<ModelDescriptor.ArtifactSource> source(Keys keys, JsonNode root) {
        if (!root.hasNonNull("artifact")) {
            return Optional.empty();
        }
        JsonNode files = root.path("artifact_files");
        return Optional.of(new ModelDescriptor.ArtifactSource(
                MavenArtifact.parse(keys.text("artifact", null)),
                new Keys(keys.file, files).text("model", null),
                new Keys(keys.file, files).text("tokenizer", null)));
    }

    private record Keys(Path file, JsonNode node) {

        String text(String key, String fallback) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (fallback == null) {
                    throw new BadInputException(file + ": missing key '" + key + "'");
                }
                return fallback;
            }
            if (!value.isTextual()) {
                throw new BadInputException(file + ": '" + key + "' must be a string");
            }
            return value.asText();
        }

        int positiveInt(String key) {
            JsonNode value = node.get(key);
            if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
                throw new BadInputException(file + ": '" + key + "' must be a positive integer");
            }
            return value.asInt();
        }
    }
}
