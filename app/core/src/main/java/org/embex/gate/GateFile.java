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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.embex.BadInputException;
import org.embex.vectors.VectorMatrix;

/**
 * A gate as a JSON file: model, fingerprint, scoring, threshold, intents, and one anchor vector
 * per intent entry as little-endian float32 in Base64 (about a third of the size of decimal
 * numbers, and exact).
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
        json.put("vectors", vectors);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), json);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static IntentGate read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not a gate file: " + e.getMessage(), e);
        }
        if (root == null || root.path("embex_gate").asInt() != FORMAT) {
            throw new BadInputException(file + ": not an embex gate file (format " + FORMAT + ")");
        }
        int dims = root.path("dims").asInt();
        List<String> intents = new ArrayList<>();
        root.path("intents").forEach(node -> intents.add(node.asText()));
        JsonNode encoded = root.path("vectors");
        if (dims <= 0 || encoded.size() != intents.size()) {
            throw new BadInputException(file + ": " + intents.size() + " intents but " + encoded.size() + " vectors");
        }
        List<float[]> vectors = new ArrayList<>(intents.size());
        for (int row = 0; row < intents.size(); row++) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encoded.get(row).asText());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + ": vector " + (row + 1) + " is not Base64", e);
            }
            if (bytes.length != dims * Float.BYTES) {
                throw new BadInputException(file + ": vector " + (row + 1) + " has " + bytes.length / Float.BYTES
                        + " values, expected " + dims);
            }
            float[] vector = new float[dims];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
            vectors.add(vector);
        }
        return new IntentGate(root.path("model").asText(), root.path("fingerprint").asText(),
                GateScoring.parse(root.path("scoring").asText("nearest")), root.path("threshold").asDouble(), intents,
                VectorMatrix.of(vectors, dims));
    }
}
