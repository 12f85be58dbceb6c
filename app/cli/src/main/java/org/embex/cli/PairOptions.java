package org.embex.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

import org.embex.BadInputException;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;

/** A file of sentence pairs: which columns hold the two sentences, and whether it has a header. */
final class PairOptions {

    @Option(names = "--left", defaultValue = "sentence1", paramLabel = "COL",
            description = "First sentence, by name or 1-based position (default: ${DEFAULT-VALUE}).")
    String left;

    @Option(names = "--right", defaultValue = "sentence2", paramLabel = "COL",
            description = "Second sentence (default: ${DEFAULT-VALUE}).")
    String right;

    @Option(names = "--no-header", description = "The file's first line is data; columns default to positions 1, 2, 3.")
    boolean noHeader;

    /** The pairs, and the column of their score or label ({@code third}, third by default). */
    Pairs read(Path file, String third, String thirdDefault) {
        Table table = TableReader.read(file, !noHeader);
        int leftColumn = table.column(column(left, "sentence1", "1"));
        int rightColumn = table.column(column(right, "sentence2", "2"));
        int thirdColumn = table.column(column(third, thirdDefault, "3"));
        return new Pairs(table, table.values(leftColumn), table.values(rightColumn), thirdColumn);
    }

    /** Without a header, a default column name stands for its position. */
    private String column(String given, String defaultName, String position) {
        return noHeader && given.equals(defaultName) ? position : given;
    }

    record Pairs(Table table, List<String> left, List<String> right, int third) {

        /** The third column as numbers, a bad cell reported with line and column. */
        double[] numbers(String what) {
            double[] values = new double[table.rows().size()];
            for (int i = 0; i < values.length; i++) {
                Table.Row row = table.rows().get(i);
                String value = row.cell(third).strip();
                try {
                    values[i] = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new BadInputException(table.source() + ": line " + row.line() + ", column " + (third + 1)
                            + ": " + what + " '" + value + "' is not a number");
                }
            }
            return values;
        }
    }
}
