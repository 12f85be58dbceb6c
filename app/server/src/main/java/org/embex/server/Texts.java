package org.embex.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The texts a request asks about: one string or an array of strings, within the server's limits. */
final class Texts {

    private Texts() {
    }

    /** {@code body.field} as texts; one string is a list of one. */
    static List<String> of(JsonNode body, String field, ServerSettings.Limits limits) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.badRequest("field '" + field + "' is missing: give a string or an array of strings");
        }
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw ApiError.badRequest("field '" + field + "[" + i + "]' must be a string, is " + kind(node.get(i)));
                }
                texts.add(node.get(i).asText());
            }
        } else {
            throw ApiError.badRequest("field '" + field + "' must be a string or an array of strings, is " + kind(node));
        }
        if (texts.isEmpty()) {
            throw ApiError.badRequest("field '" + field + "' is an empty array: give at least one text");
        }
        if (texts.size() > limits.maxTexts()) {
            throw new ApiError(413, "invalid_request_error", "field '" + field + "' has " + texts.size()
                    + " texts; this server takes at most " + limits.maxTexts() + " a request (--max-texts)");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int chars = text.codePointCount(0, text.length());
            if (chars > limits.maxChars()) {
                throw new ApiError(413, "invalid_request_error", "field '" + field + (node.isArray() ? "[" + i + "]" : "")
                        + "' has " + chars + " characters; this server takes at most " + limits.maxChars()
                        + " a text (--max-chars)");
            }
            if (text.isBlank()) {
                throw ApiError.badRequest("field '" + field + (node.isArray() ? "[" + i + "]" : "") + "' is empty");
            }
        }
        return texts;
    }

    /** An optional whole number field within a range. */
    static int integer(JsonNode body, String field, int otherwise, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            throw ApiError.badRequest("field '" + field + "' must be a whole number from " + min + " to " + max + ", is "
                    + node);
        }
        return node.asInt();
    }

    /** An optional string field. */
    static String string(JsonNode body, String field, String otherwise) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest("field '" + field + "' must be a string, is " + kind(node));
        }
        return node.asText();
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> "a string";
        };
    }
}
