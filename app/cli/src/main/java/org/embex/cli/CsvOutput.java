package org.embex.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.embex.BadInputException;

/** Writes the CSV files commands produce: a header, then rows, RFC 4180 quoting. */
final class CsvOutput {

    private CsvOutput() {
    }

    static void write(Path target, List<String> header, Iterable<? extends List<?>> rows) {
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
