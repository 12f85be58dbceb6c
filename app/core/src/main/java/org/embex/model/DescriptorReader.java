package org.embex.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.embex.BadInputException;

/** Reads a {@code model.json} descriptor, saying which file and which key is wrong. */
public final class DescriptorReader {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        ModelDescriptor descriptor = new ModelDescriptor(
                keys.text("id", directory.getFileName().toString()),
                keys.text("description", ""),
                source(keys, root),
                keys.positiveInt("dims"),
                Pooling.parse(keys.text("pooling", null)),
                keys.positiveInt("max_tokens"),
                keys.text("language", "multi"),
                root.path("quantized").asBoolean(false),
                new Prefixes(prefixes.path("query").asText(""), prefixes.path("passage").asText(""),
                        prefixes.path("text").asText("")),
                keys.text("unknown_token", ModelDescriptor.DEFAULT_UNKNOWN_TOKEN));
        return new ModelFolder(descriptor, directory);
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
