package org.embex.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.embex.BadInputException;

/**
 * The reader on random input: valid files come back exactly as written, and mangled files end in
 * the reader's own typed error and nothing else.
 */
class ReaderPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir = createDir();

    private static Path createDir() {
        try {
            return Files.createTempDirectory("embex-reader-properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterProperty
    void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Any text, with the characters that make quoting hard over-represented. */
    @Provide
    Arbitrary<String> fields() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars(",\"\t\n\r ;'\\").ofMaxLength(6);
        // A lone surrogate cannot be written as UTF-8 at all; the round trip turns it into '?' first.
        Arbitrary<String> anything = Arbitraries.strings().all().excludeChars('\uFEFF').ofMaxLength(20)
                .map(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        Arbitrary<String> words = Arbitraries.strings().alpha().numeric().withChars("你好 é").ofMaxLength(12);
        return Arbitraries.oneOf(tricky, anything, words);
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        return Arbitraries.integers().between(2, 4).flatMap(width ->
                fields().list().ofSize(width).list().ofMinSize(1).ofMaxSize(15));
    }

    private static List<String> header(int width) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            names.add("col" + i);
        }
        return names;
    }

    private Path writeDelimited(String name, CSVFormat format, List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(header(rows.get(0).size()));
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return Files.writeString(dir.resolve(name), out.toString());
    }

    @Property(tries = 300)
    void csvRoundTripsExactly(@ForAll("tables") List<List<String>> rows) throws IOException {
        Path file = writeDelimited("t.csv", CSVFormat.RFC4180, rows);
        Table table = TableReader.read(file, true);
        assertThat(table.columns()).isEqualTo(header(rows.get(0).size()));
        assertThat(table.rows()).extracting(Table.Row::cells).isEqualTo(rows);
    }

    @Property(tries = 300)
    void tsvRoundTripsExactly(@ForAll("tables") List<List<String>> rows) throws IOException {
        Path file = writeDelimited("t.tsv", CSVFormat.TDF.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.ALL).get(), rows);
        Table table = TableReader.read(file, true);
        assertThat(table.rows()).extracting(Table.Row::cells).isEqualTo(rows);
    }

    @Property(tries = 300)
    void jsonlRoundTripsExactly(@ForAll("tables") List<List<String>> rows) throws IOException {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            Map<String, String> object = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                object.put("col" + i, row.get(i));
            }
            out.append(JSON.writeValueAsString(object)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("t.jsonl"), out);
        Table table = TableReader.read(file, true);
        assertThat(table.rows()).extracting(Table.Row::cells).isEqualTo(rows);
    }

    @Provide
    Arbitrary<byte[]> mangled() {
        Arbitrary<String> valid = tables().map(rows -> {
            StringBuilder text = new StringBuilder(String.join(",", header(rows.get(0).size()))).append('\n');
            rows.forEach(row -> text.append(String.join(",", row)).append('\n'));
            return text.toString();
        });
        return Combinators.combine(valid, Arbitraries.integers().between(0, 1000), Arbitraries.bytes().array(byte[].class).ofMaxSize(4))
                .as((text, at, noise) -> {
                    byte[] clean = text.getBytes(StandardCharsets.UTF_8);
                    int cut = clean.length == 0 ? 0 : at % clean.length;
                    byte[] result = new byte[clean.length + noise.length];
                    System.arraycopy(clean, 0, result, 0, cut);
                    System.arraycopy(noise, 0, result, cut, noise.length);
                    System.arraycopy(clean, cut, result, cut + noise.length, clean.length - cut);
                    return result;
                });
    }

    @Property(tries = 500)
    void mangledFilesFailOnlyWithTheTypedError(@ForAll("mangled") byte[] content,
                                               @ForAll @IntRange(min = 0, max = 2) int format) throws IOException {
        String extension = List.of("csv", "tsv", "jsonl").get(format);
        Path file = Files.write(dir.resolve("m." + extension), content);
        assertThatCode(() -> {
            try {
                CorpusReader.readAll(file, ReadOptions.defaults(), ColumnChoice.defaults());
            } catch (BadInputException expected) {
                assertThat(expected.getMessage()).startsWith(file.toString());
            }
        }).doesNotThrowAnyException();
    }

    /** A header of 2 to 4 columns and up to 15 rows of 1 to 6 cells: most rows fit, some do not. */
    @Provide
    Arbitrary<List<List<String>>> raggedTables() {
        Arbitrary<Integer> widths = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(-1)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 6)));
        return Arbitraries.integers().between(2, 4).flatMap(width -> widths
                .flatMap(w -> fields().list().ofSize(w < 0 ? width : w))
                .list().ofMinSize(1).ofMaxSize(15)
                .map(rows -> {
                    List<List<String>> table = new ArrayList<>();
                    table.add(header(width));
                    table.addAll(rows);
                    return table;
                }));
    }

    /** Writes header and rows one record at a time, noting the line each record starts on. */
    private Path writeRagged(String name, CSVFormat format, List<List<String>> table, List<Long> lines) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<String> row : table) {
                lines.add(1 + out.toString().chars().filter(c -> c == '\n').count());
                printer.printRecord(row);
            }
        }
        return Files.writeString(dir.resolve(name), out.toString());
    }

    @Property(tries = 400)
    void raggedRowsAndBlankTextsNeverPassSilently(@ForAll("raggedTables") List<List<String>> table,
                                                 @ForAll boolean tsv, @ForAll boolean skip) throws IOException {
        List<Long> lines = new ArrayList<>();
        CSVFormat format = tsv ? CSVFormat.TDF.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.ALL).get() : CSVFormat.RFC4180;
        Path file = writeRagged(tsv ? "r.tsv" : "r.csv", format, table, lines);
        int width = table.get(0).size();
        List<String> good = new ArrayList<>();
        List<Long> bad = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> row = table.get(i);
            // No column is named text, so the text is the first column.
            if (row.size() == width && !row.get(0).isBlank()) {
                good.add(row.get(0));
            } else {
                bad.add(lines.get(i));
            }
        }
        assertReadByTheRule(file, skip, good, bad);
    }

    /** A JSON Lines line and the text it holds, or none when the rule says it is a bad row. */
    record JsonLine(String json, java.util.Optional<String> text) {
    }

    @Provide
    Arbitrary<JsonLine> jsonLines() {
        Arbitrary<JsonLine> good = fields().filter(text -> !text.isBlank())
                .map(text -> new JsonLine(json(Map.of("text", text, "n", 1)), java.util.Optional.of(text)));
        Arbitrary<JsonLine> bad = Arbitraries.of(
                "{\"text\": \"\"}", "{\"text\": \" \\t\"}", "{\"text\": null}", "{\"text\": 3.5}", "{\"text\": -2}",
                "{\"text\": false}", "{\"text\": [\"a\"]}", "{\"text\": {\"a\": \"b\"}}", "{\"body\": \"x\"}", "{}",
                "{\"text\": oops}", "{\"text\": \"a\"", "[\"text\"]", "42", "\"text\"", "null",
                "{\"text\": \"a\"} {\"text\": \"b\"}", "{\"text\": \"a\"},").map(json -> new JsonLine(json, java.util.Optional.empty()));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, good), net.jqwik.api.Tuple.of(1, bad));
    }

    private static String json(Map<String, Object> object) {
        try {
            return JSON.writeValueAsString(object);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 400)
    void badJsonlValuesNeverPassSilently(@ForAll @Size(min = 1, max = 15) List<@From("jsonLines") JsonLine> jsonLines,
                                         @ForAll boolean skip) throws IOException {
        StringBuilder out = new StringBuilder();
        List<String> good = new ArrayList<>();
        List<Long> bad = new ArrayList<>();
        for (int i = 0; i < jsonLines.size(); i++) {
            JsonLine line = jsonLines.get(i);
            out.append(line.json()).append('\n');
            if (line.text().isPresent()) {
                good.add(line.text().get());
            } else {
                bad.add(i + 1L);
            }
        }
        assertReadByTheRule(Files.writeString(dir.resolve("l.jsonl"), out), skip, good, bad);
    }

    /**
     * The rule on one file: without skipping, the first bad row stops the reading with its line and
     * a column; with skipping, exactly the bad rows are listed, each with a column, and exactly the
     * good rows are read; no good row at all is "no texts".
     */
    private static void assertReadByTheRule(Path file, boolean skip, List<String> good, List<Long> bad) {
        ColumnChoice text = new ColumnChoice(List.of("text"), java.util.Optional.empty(), java.util.Optional.empty());
        ColumnChoice choice = file.toString().endsWith(".jsonl") ? text : ColumnChoice.defaults();
        ReadOptions options = ReadOptions.defaults().withSkipBadRows(skip);
        if (!skip && !bad.isEmpty()) {
            assertThatThrownBy(() -> CorpusReader.readAll(file, options, choice))
                    .isInstanceOfSatisfying(CorpusFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(bad.get(0));
                        assertThat(e.column()).isPositive();
                    });
        } else if (good.isEmpty()) {
            assertThatThrownBy(() -> CorpusReader.readAll(file, options, choice))
                    .isExactlyInstanceOf(BadInputException.class).hasMessageContaining(": no texts: ");
        } else {
            Corpus corpus = CorpusReader.readAll(file, options, choice);
            assertThat(corpus.texts()).isEqualTo(good);
            assertThat(corpus.skipped()).extracting(SkippedRow::line).isEqualTo(bad);
            assertThat(corpus.skipped()).allSatisfy(row -> assertThat(row.column()).isPositive());
        }
    }
}
