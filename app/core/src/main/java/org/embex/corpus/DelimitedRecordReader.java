package org.embex.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.embex.BadInputException;

/** CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) and TSV, by Commons CSV. */
final class DelimitedRecordReader extends LookaheadReader {

    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:startline|line:?) ?([0-9][0-9,]*)");

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns = new ArrayList<>();
    private final LocatingReader reader;

    DelimitedRecordReader(Path file, LocatingReader reader, char delimiter, boolean header) {
        this.file = file;
        this.reader = reader;
        CSVFormat format = (delimiter == '\t' ? CSVFormat.TDF : CSVFormat.RFC4180).builder()
                // Blank lines are skipped below rather than by the parser, whose record positions
                // would then point at the blank lines instead of the record.
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .setIgnoreSurroundingSpaces(false)
                .get();
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
        if (header) {
            CSVRecord first = advance();
            if (first != null) {
                Set<String> seen = new HashSet<>();
                for (String name : first.toList()) {
                    String unique = name;
                    for (int n = 2; !seen.add(unique); n++) {
                        unique = name + "_" + n;
                    }
                    columns.add(unique);
                }
            }
        }
    }

    private CSVRecord advance() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() != 1 || !record.get(0).isEmpty()) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw located(e);
        }
    }

    private CorpusFormatException located(RuntimeException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        Matcher line = LINE_IN_MESSAGE.matcher(message);
        long at = line.find() ? Long.parseLong(line.group(1).replace(",", "")) : reader.lineAt(Long.MAX_VALUE);
        String detail = message.contains("EOF reached before encapsulated token finished")
                ? "a quoted field opens here and is never closed (a missing \")"
                : message.contains("between encapsulated token and delimiter")
                ? "unexpected character after a closing quote (expected a delimiter or the end of the line)"
                : message;
        return new CorpusFormatException(file, at, 0, detail);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    protected SourceRecord fetch() {
        CSVRecord record = advance();
        return record == null ? null : toSource(record);
    }

    private SourceRecord toSource(CSVRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            while (columns.size() <= i) {
                columns.add(String.valueOf(columns.size() + 1));
            }
            fields.put(columns.get(i), record.get(i));
        }
        return new SourceRecord(reader.lineAt(record.getCharacterPosition()), fields);
    }

    @Override
    public void close() {
        try {
            parser.close();
            reader.close();
        } catch (IOException e) {
            // Only a read stream is closed; nothing was written that could be lost.
        }
    }
}
