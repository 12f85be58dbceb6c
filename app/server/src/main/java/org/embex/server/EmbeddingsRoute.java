package org.embex.server;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.embex.embed.Embedding;

/**
 * {@code POST /v1/embeddings}, as OpenAI's API answers it, so that its clients (and LangChain,
 * LlamaIndex and the like) can point at embex: {@code input} a string or an array of strings,
 * {@code model} any installed model, {@code encoding_format} float or base64 (little-endian
 * float32), and the tokens used.
 */
final class EmbeddingsRoute implements Route {

    private final Encoders encoders;
    private final ServerSettings.Limits limits;

    EmbeddingsRoute(Encoders encoders, ServerSettings.Limits limits) {
        this.encoders = encoders;
        this.limits = limits;
    }

    @Override
    public Object answer(JsonNode body) {
        List<String> texts = Texts.of(body, "input", limits);
        String model = Texts.string(body, "model", null);
        if (model == null) {
            throw ApiError.badRequest("field 'model' is missing: name an installed model (./embex models)");
        }
        String format = Texts.string(body, "encoding_format", "float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw ApiError.badRequest("field 'encoding_format' must be float or base64, is \"" + format + "\"");
        }
        List<Embedding> embeddings = encoders.embed(model, texts);
        List<Map<String, Object>> data = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < embeddings.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("object", "embedding");
            item.put("index", i);
            float[] vector = embeddings.get(i).vector();
            item.put("embedding", format.equals("base64") ? base64(vector) : vector);
            data.add(item);
            tokens += embeddings.get(i).tokens();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("object", "list");
        answer.put("data", data);
        answer.put("model", encoders.id(model));
        answer.put("usage", Map.of("prompt_tokens", tokens, "total_tokens", tokens));
        return answer;
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
