package org.embex.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON Lines: one object a line, parsed by Jackson. Scalars become their text, {@code null} an
 * empty string, nested values their JSON; each value keeps its JSON type and the character where
 * it starts, for the text rule and its messages. Blank lines are skipped; a line that is not one
 * JSON object is a bad row.
 */
final class JsonlRecordReader extends LookaheadReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedReader lines;
    private final List<String> columns = new ArrayList<>();
    private long lineNumber;

    JsonlRecordReader(Path file, LocatingReader reader, BadRows bad) {
        super(bad);
        this.file = file;
        this.lines = new BufferedReader(reader, 1 << 16);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    protected SourceRecord fetch() {
        for (String line; (line = readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                return parse(line);
            } catch (CorpusFormatException problem) {
                reject(problem);
            }
        }
        return null;
    }

    private String readLine() {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceRecord parse(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw problem(parser, "expected a JSON object, found " + (first == null ? "nothing" : kind(first).words()));
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Cell.Kind kind = kind(parser.nextToken());
                long column = parser.currentTokenLocation().getColumnNr();
                JsonNode value = JSON.readTree(parser);
                String text = value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
                cells.put(name, new Cell(text, column, kind));
            }
            if (parser.nextToken() != null) {
                throw problem(parser, "more follows the JSON object; JSON Lines holds one object a line");
            }
            cells.keySet().stream().filter(name -> !columns.contains(name)).forEach(columns::add);
            return new SourceRecord(file, lineNumber, cells);
        } catch (JsonProcessingException e) {
            throw new CorpusFormatException(file, lineNumber, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    private CorpusFormatException problem(JsonParser parser, String detail) {
        return new CorpusFormatException(file, lineNumber, parser.currentTokenLocation().getColumnNr(), detail);
    }

    /** The type of the value that starts with {@code token}. */
    private static Cell.Kind kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> Cell.Kind.OBJECT;
            case START_ARRAY -> Cell.Kind.ARRAY;
            case VALUE_STRING -> Cell.Kind.STRING;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Cell.Kind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> Cell.Kind.BOOLEAN;
            case VALUE_NULL -> Cell.Kind.NULL;
            default -> throw new IllegalStateException("a JSON value cannot start with " + token);
        };
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // Only a read stream is closed; nothing was written that could be lost.
        }
    }
}
