package org.embex.gate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.embex.BadInputException;
import org.embex.EmbexException;
import org.embex.vectors.VectorMatrix;

/**
 * A gate as a JSON file: model, fingerprint, scoring, threshold, intents, the anchors' texts
 * (nearest-example gates), and one anchor vector per intent entry as little-endian float32 in
 * Base64 (about a third of the size of decimal numbers, and exact).
 */
public final class GateFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private GateFile() {
    }

    public static void write(IntentGate gate, Path file) {
        VectorMatrix anchors = gate.anchors();
        List<String> vectors = new ArrayList<>(anchors.rows());
        for (int row = 0; row < anchors.rows(); row++) {
            ByteBuffer bytes = ByteBuffer.allocate(anchors.dims() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(anchors.row(row));
            vectors.add(Base64.getEncoder().encodeToString(bytes.array()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("embex_gate", FORMAT);
        json.put("model", gate.modelId());
        json.put("fingerprint", gate.fingerprint());
        json.put("scoring", gate.scoring().label());
        json.put("threshold", gate.threshold());
        json.put("dims", anchors.dims());
        json.put("intents", gate.intents());
        if (!gate.examples().isEmpty()) {
            json.put("examples", gate.examples());
        }
        json.put("vectors", vectors);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), json);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The disk or the folder failed, not the user's input: exit 1 (README).
            throw new EmbexException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a gate, checking every field: a gate that reads wrong accepts or refuses everything
     * without a word (a missing threshold read as 0 accepted every query). A bad file stops with
     * one line that names the file and the field.
     */
    public static IntentGate read(Path file) {
        JsonNode root = parse(file);
        Fields fields = new Fields(file, root);
        if (!root.isObject() || !root.path("embex_gate").isInt()) {
            throw new BadInputException(file + ": not an embex gate file (no \"embex_gate\": " + FORMAT + ")");
        }
        if (root.get("embex_gate").asInt() != FORMAT) {
            throw new BadInputException(file + ": gate format " + root.get("embex_gate").asInt() + " is not the format this "
                    + "embex reads (" + FORMAT + ")");
        }
        String model = fields.text("model");
        String fingerprint = fields.text("fingerprint");
        String scoringName = fields.text("scoring");
        GateScoring scoring;
        try {
            scoring = GateScoring.parse(scoringName);
        } catch (BadInputException e) {
            throw fields.wrong("scoring", "must be nearest or centroid, is \"" + scoringName + "\"");
        }
        double threshold = fields.number("threshold");
        // Scores are cosines: a threshold outside [−1, 1] accepts everything or nothing.
        if (threshold < -1 || threshold > 1) {
            throw fields.wrong("threshold", "is " + threshold + ", outside the cosine's range −1 to 1");
        }
        int dims = fields.positiveInt("dims");
        JsonNode intentNodes = fields.nonEmptyArray("intents");
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < intentNodes.size(); i++) {
            JsonNode intent = intentNodes.get(i);
            if (!intent.isTextual() || intent.asText().isBlank()) {
                throw fields.wrong("intents[" + i + "]", "must be a non-empty string");
            }
            intents.add(intent.asText());
        }
        JsonNode encoded = fields.nonEmptyArray("vectors");
        if (encoded.size() != intents.size()) {
            throw fields.wrong("vectors", "has " + encoded.size() + " entries for " + intents.size() + " intents");
        }
        List<float[]> vectors = new ArrayList<>(intents.size());
        for (int row = 0; row < encoded.size(); row++) {
            vectors.add(vector(fields, row, encoded.get(row), dims));
        }
        return new IntentGate(model, fingerprint, scoring, threshold, intents, VectorMatrix.of(vectors, dims),
                examples(fields, root, intents.size()));
    }

    /** The anchors' texts: optional (centroids have none, and older gates kept none), else one per intent entry. */
    private static List<String> examples(Fields fields, JsonNode root, int count) {
        if (!root.has("examples")) {
            return List.of();
        }
        JsonNode nodes = fields.nonEmptyArray("examples");
        if (nodes.size() != count) {
            throw fields.wrong("examples", "has " + nodes.size() + " entries for " + count + " intents");
        }
        List<String> examples = new ArrayList<>(count);
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isTextual()) {
                throw fields.wrong("examples[" + i + "]", "must be a string");
            }
            examples.add(nodes.get(i).asText());
        }
        return examples;
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new BadInputException(file + ": empty, not a gate file");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Jackson's own message names its internals and the source; the location and the gist are what a user needs.
            var where = e.getLocation();
            throw new BadInputException(file + ": not valid JSON" + (where == null ? "" : " at line " + where.getLineNr()
                    + ", column " + where.getColumnNr()) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static float[] vector(Fields fields, int row, JsonNode node, int dims) {
        String field = "vectors[" + row + "]";
        if (!node.isTextual()) {
            throw fields.wrong(field, "must be Base64 text");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw fields.wrong(field, "is not Base64");
        }
        if (bytes.length != dims * Float.BYTES) {
            throw fields.wrong(field, "has " + bytes.length / Float.BYTES + " values, expected " + dims + " (dims)");
        }
        float[] vector = new float[dims];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                throw fields.wrong(field, "holds a value that is not a finite number");
            }
        }
        return vector;
    }

    /** Typed access to a gate file's fields, each failure naming the file and the field. */
    private record Fields(Path file, JsonNode root) {

        BadInputException wrong(String field, String problem) {
            return new BadInputException(file + ": field '" + field + "' " + problem);
        }

        /** The field's value; a missing field and a null one are the same mistake. */
        private JsonNode present(String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                throw wrong(field, "is missing");
            }
            return node;
        }

        String text(String field) {
            JsonNode node = present(field);
            if (!node.isTextual() || node.asText().isBlank()) {
                throw wrong(field, "must be a non-empty string, is " + node);
            }
            return node.asText();
        }

        double number(String field) {
            JsonNode node = present(field);
            if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
                throw wrong(field, "must be a finite number, is " + node);
            }
            return node.asDouble();
        }

        int positiveInt(String field) {
            JsonNode node = present(field);
            if (!node.isInt() || node.asInt() <= 0) {
                throw wrong(field, "must be a positive whole number, is " + node);
            }
            return node.asInt();
        }

        JsonNode nonEmptyArray(String field) {
            JsonNode node = present(field);
            if (!node.isArray() || node.isEmpty()) {
                throw wrong(field, "must be a non-empty list");
            }
            return node;
        }
    }
}
