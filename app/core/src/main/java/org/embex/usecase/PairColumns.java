package org.embex.usecase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.Table;
import org.embex.corpus.TableReader;

/**
 * Which columns of a pairs file hold the two texts and the third value (a gold score or a yes/no
 * label), the same for every face: {@code eval sts}, {@code eval pairs}, {@code compare --sts},
 * and the window's STS and pairs files.
 *
 * <p>The rule: when the file's first line names the two text columns ({@code sentence1} and
 * {@code sentence2} unless others are given) or the third, it is a header and columns go by name
 * (a missing one is reported with the columns there are); otherwise the file has no header and
 * the columns are the first three, by position. {@code header = false}
 * (the commands' {@code --no-header}) says so outright; a column given by 1-based position works
 * either way.
 *
 * @param third the score or label column's name ("score", "label")
 */
public record PairColumns(String left, String right, String third, boolean header) {

    public static final String LEFT = "sentence1";
    public static final String RIGHT = "sentence2";

    public static PairColumns scores() {
        return new PairColumns(LEFT, RIGHT, "score", true);
    }

    public static PairColumns labels() {
        return new PairColumns(LEFT, RIGHT, "label", true);
    }

    public PairColumns withHeader(boolean present) {
        return new PairColumns(left, right, third, present);
    }

    public PairColumns named(String leftColumn, String rightColumn, String thirdColumn) {
        return new PairColumns(leftColumn, rightColumn, thirdColumn, header);
    }

    /** The file's rows: each pair's two texts and its third cell, with the line and column it came from. */
    public Pairs read(Path file) {
        Table table = TableReader.read(file, header);
        boolean names = table.columns().contains(left) && table.columns().contains(right) || table.columns().contains(third);
        if (header && !names) {
            table = TableReader.read(file, false);
        }
        boolean named = table.hasHeader();
        int leftColumn = table.column(named ? left : position(left, LEFT, "1"));
        int rightColumn = table.column(named ? right : position(right, RIGHT, "2"));
        boolean defaultThird = third.equals("score") || third.equals("label");
        String thirdReference = named && (table.columns().contains(third) || !defaultThird) ? third
                : defaultThird ? "3" : third;
        int thirdColumn = table.column(thirdReference);
        List<Pair> pairs = new ArrayList<>(table.rows().size());
        for (Table.Row row : table.rows()) {
            // The corpus readers' rule for texts: an empty text is a mistake in the file, not a sentence.
            for (int column : new int[] {leftColumn, rightColumn}) {
                if (row.cell(column).isBlank()) {
                    throw new CorpusFormatException(file, row.line(), column + 1, "the text is empty");
                }
            }
            pairs.add(new Pair(row.cell(leftColumn), row.cell(rightColumn), row.cell(thirdColumn), row.line()));
        }
        return new Pairs(file, pairs, thirdColumn + 1);
    }

    /** Without a header a column's default name stands for its position; a position stays as it is. */
    private static String position(String given, String defaultName, String defaultPosition) {
        return given.equals(defaultName) ? defaultPosition : given;
    }

    /** One row of a pairs file. */
    public record Pair(String left, String right, String third, long line) {
    }

    /**
     * @param thirdColumn the 1-based column of the score or label, for messages
     */
    public record Pairs(Path file, List<Pair> rows, int thirdColumn) {

        public List<String> left() {
            return rows.stream().map(Pair::left).toList();
        }

        public List<String> right() {
            return rows.stream().map(Pair::right).toList();
        }

        public int size() {
            return rows.size();
        }
    }
}
