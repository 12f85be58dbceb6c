package org.embex.corpus;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.embex.BadInputException;

/**
 * Reads a CSV, TSV, JSONL or plain-text file into a {@link Table}. The file must be UTF-8 (a BOM
 * is skipped); a byte that is not UTF-8 is reported with its line and column.
 */
public final class TableReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableReader() {
    }

    public static Table read(Path file, boolean hasHeader) {
        String content = decode(file);
        return switch (TableFormat.of(file)) {
            case CSV -> delimited(file, content, CSVFormat.RFC4180, hasHeader);
            case TSV -> delimited(file, content, CSVFormat.TDF, hasHeader);
            case JSONL -> jsonLines(file, content);
            case TXT -> lines(file, content);
        };
    }

    static String decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static BadInputException notUtf8(Path file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new BadInputException(String.format("%s: line %d, column %d (byte %d): not UTF-8 (byte 0x%02X); "
                + "convert the file to UTF-8", file, line, offset - lineStart + 1, offset, bytes[offset] & 0xFF));
    }

    private static Table delimited(Path file, String content, CSVFormat base, boolean hasHeader) {
        CSVFormat format = base.builder().setIgnoreEmptyLines(true).get();
        List<Table.Row> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            LineCounter lines = new LineCounter(content);
            boolean first = true;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (first && hasHeader) {
                    columns.addAll(cells);
                } else {
                    rows.add(new Table.Row(lines.lineAt(record.getCharacterPosition()), cells));
                }
                first = false;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        if (!hasHeader) {
            int width = rows.stream().mapToInt(row -> row.cells().size()).max().orElse(0);
            for (int i = 1; i <= width; i++) {
                columns.add(String.valueOf(i));
            }
        }
        return new Table(file, List.copyOf(columns), List.copyOf(rows), hasHeader);
    }

    /** Line numbers of increasing character positions, counted once through the text. */
    private static final class LineCounter {
        private final String content;
        private int scanned;
        private long line = 1;

        LineCounter(String content) {
            this.content = content;
        }

        long lineAt(long position) {
            for (; scanned < position && scanned < content.length(); scanned++) {
                if (content.charAt(scanned) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static Table jsonLines(Path file, String content) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<String, String>> objects = new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new BadInputException(file + ": line " + (i + 1) + ", column " + e.getLocation().getColumnNr()
                        + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (!node.isObject()) {
                throw new BadInputException(file + ": line " + (i + 1) + ": expected a JSON object, found "
                        + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            Map<String, String> values = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> {
                columns.putIfAbsent(field.getKey(), columns.size());
                JsonNode value = field.getValue();
                values.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            });
            objects.add(values);
            lineNumbers.add((long) i + 1);
        }
        List<String> names = List.copyOf(columns.keySet());
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Map<String, String> values = objects.get(i);
            rows.add(new Table.Row(lineNumbers.get(i), names.stream().map(name -> values.getOrDefault(name, "")).toList()));
        }
        return new Table(file, names, List.copyOf(rows), true);
    }

    private static Table lines(Path file, String content) {
        List<Table.Row> rows = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(new Table.Row(i + 1, List.of(lines[i])));
            }
        }
        return new Table(file, List.of("text"), List.copyOf(rows), true);
    }
}
