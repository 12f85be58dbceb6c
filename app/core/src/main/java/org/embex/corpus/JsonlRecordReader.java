package org.embex.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON Lines: one object a line, parsed by Jackson. Scalars become their text, {@code null} an
 * empty string, nested values their JSON. Blank lines are skipped.
 */
final class JsonlRecordReader extends LookaheadReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedReader lines;
    private final List<String> columns = new ArrayList<>();
    private long lineNumber;

    JsonlRecordReader(Path file, LocatingReader reader) {
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
            if (!line.isBlank()) {
                return parse(line);
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
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CorpusFormatException(file, lineNumber, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            String found = node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new CorpusFormatException(file, lineNumber, 0, "expected a JSON object, found " + found);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            if (!columns.contains(field.getKey())) {
                columns.add(field.getKey());
            }
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
        });
        return new SourceRecord(lineNumber, fields);
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
