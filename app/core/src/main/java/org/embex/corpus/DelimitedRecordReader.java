package org.embex.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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

/**
 * CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) and TSV, by Commons
 * CSV. Every row has as many cells as the header, or without a header as the first row: a row
 * with more or fewer is a bad row, never extra columns or empty cells made up to fit.
 */
final class DelimitedRecordReader extends LookaheadReader {

    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:startline|line:?) ?([0-9][0-9,]*)");

    private final Path file;
    private final Charset charset;
    private final char delimiter;
    private final boolean header;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns = new ArrayList<>();
    private final LocatingReader reader;

    DelimitedRecordReader(Path file, LocatingReader reader, char delimiter, ReadOptions options, BadRows bad) {
        super(bad);
        this.file = file;
        this.reader = reader;
        this.charset = options.charset();
        this.delimiter = delimiter;
        this.header = options.header();
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
                // A blank line is no row; a line of "" is one empty cell, which the rule judges.
                if (record.size() != 1 || !record.get(0).isEmpty() || !reader.emptyLineAt(record.getCharacterPosition())) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw located(e);
        }
    }

    /** Commons CSV's error with the line and cell where the quoting breaks, when the file says. */
    private CorpusFormatException located(RuntimeException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        boolean unclosed = message.contains("EOF reached before encapsulated token finished");
        boolean stray = message.contains("between encapsulated token and delimiter");
        if (unclosed || stray) {
            return BrokenQuote.find(file, charset, delimiter)
                    .orElseGet(() -> new CorpusFormatException(file, lineIn(message), 0,
                            unclosed ? BrokenQuote.UNCLOSED : BrokenQuote.STRAY));
        }
        return new CorpusFormatException(file, lineIn(message), 0, message);
    }

    private long lineIn(String message) {
        Matcher line = LINE_IN_MESSAGE.matcher(message);
        return line.find() ? Long.parseLong(line.group(1).replace(",", "")) : reader.lineAt(Long.MAX_VALUE);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    protected SourceRecord fetch() {
        for (CSVRecord record; (record = advance()) != null; ) {
            long line = reader.lineAt(record.getCharacterPosition());
            if (columns.isEmpty()) {
                for (int i = 1; i <= record.size(); i++) {
                    columns.add(String.valueOf(i));
                }
            }
            if (record.size() == columns.size()) {
                return toSource(record, line);
            }
            // The first cell that is extra, or the first that is missing.
            reject(new CorpusFormatException(file, line, Math.min(record.size(), columns.size()) + 1,
                    record.size() + (record.size() == 1 ? " cell" : " cells") + " where the "
                            + (header ? "header" : "first row") + " has " + columns.size()));
        }
        return null;
    }

    private SourceRecord toSource(CSVRecord record, long line) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            cells.put(columns.get(i), Cell.string(record.get(i), i + 1));
        }
        return new SourceRecord(file, line, cells);
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
