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
 * A gate as a JSON file: model, fingerprint, scoring, threshold, intents, and the anchor vectors
 * as little-endian float32 in Base64 (a quarter of the size of decimal numbers, and exact).
 */
public final class GateFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private GateFile() {
    }

    public static void write(IntentGate gate, Path file) {
        VectorMatrix anchors = gate.anchors();
        ByteBuffer bytes = ByteBuffer.allocate(anchors.rows() * anchors.dims() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int row = 0; row < anchors.rows(); row++) {
            bytes.asFloatBuffer().position(row * anchors.dims()).put(anchors.row(row));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("embex_gate", FORMAT);
        json.put("model", gate.modelId());
        json.put("fingerprint", gate.fingerprint());
        json.put("scoring", gate.scoring().label());
        json.put("threshold", gate.threshold());
        json.put("dims", anchors.dims());
        json.put("intents", gate.intents());
        json.put("vectors", Base64.getEncoder().encodeToString(bytes.array()));
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
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(root.path("vectors").asText());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": 'vectors' is not Base64", e);
        }
        if (dims <= 0 || bytes.length != intents.size() * dims * Float.BYTES) {
            throw new BadInputException(file + ": " + intents.size() + " intents of " + dims + " dims do not match "
                    + bytes.length + " bytes of vectors");
        }
        List<float[]> vectors = new ArrayList<>(intents.size());
        var floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int row = 0; row < intents.size(); row++) {
            float[] vector = new float[dims];
            floats.get(vector);
            vectors.add(vector);
        }
        return new IntentGate(root.path("model").asText(), root.path("fingerprint").asText(),
                GateScoring.parse(root.path("scoring").asText("nearest")), root.path("threshold").asDouble(), intents,
                VectorMatrix.of(vectors, dims));
    }
}
