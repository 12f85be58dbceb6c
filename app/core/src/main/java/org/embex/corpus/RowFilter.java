package org.embex.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.embex.BadInputException;

/**
 * Which rows of a corpus are looked at: those that pass every condition. The window sets it with
 * check lists, range sliders and a search box; the command line with {@code --where}, once per
 * condition, in the same words, so that a view filtered in the window is repeated by a command.
 */
public record RowFilter(List<RowCondition> conditions) {

    /** Every row. */
    public static final RowFilter ALL = new RowFilter(List.of());

    /** The forms {@code --where} takes, for an error that shows them. */
    public static final String FORMS = "COLUMN=A,B (one of), COLUMN!=A,B (none of), COLUMN~WORDS (contains, any case), "
            + "COLUMN>=N, COLUMN<=N, COLUMN>N, COLUMN<N (numbers)";

    /** Operators, longest first so that {@code >=} is not read as {@code >}. */
    private static final List<String> OPERATORS = List.of("!=", ">=", "<=", "=", "~", ">", "<");

    public RowFilter {
        conditions = List.copyOf(conditions);
    }

    /** Each {@code --where} argument read as one condition. */
    public static RowFilter parse(List<String> wheres) {
        List<RowCondition> conditions = new ArrayList<>();
        for (String where : wheres) {
            conditions.add(condition(where));
        }
        return new RowFilter(conditions);
    }

    private static RowCondition condition(String where) {
        int at = -1;
        String operator = null;
        for (String candidate : OPERATORS) {
            int found = where.indexOf(candidate);
            if (found > 0 && (at < 0 || found < at)) {
                at = found;
                operator = candidate;
            }
        }
        if (operator == null) {
            throw new BadInputException("--where '" + where + "': no condition; write " + FORMS);
        }
        String column = where.substring(0, at).strip();
        String value = where.substring(at + operator.length()).strip();
        if (value.isEmpty()) {
            throw new BadInputException("--where '" + where + "': nothing after '" + operator + "'; write " + FORMS);
        }
        return switch (operator) {
            case "=", "!=" -> new RowCondition.OneOf(column, new LinkedHashSet<>(Arrays.stream(value.split(",")).map(String::strip)
                    .toList()), operator.equals("!="));
            case "~" -> new RowCondition.Contains(column, value);
            default -> between(where, column, operator, value);
        };
    }

    private static RowCondition between(String where, String column, String operator, String value) {
        double bound = RowCondition.Between.number(value);
        if (Double.isNaN(bound)) {
            throw new BadInputException("--where '" + where + "': '" + value + "' is not a number");
        }
        return switch (operator) {
            case ">=" -> new RowCondition.Between(column, bound, Double.POSITIVE_INFINITY);
            case ">" -> new RowCondition.Between(column, Math.nextUp(bound), Double.POSITIVE_INFINITY);
            case "<=" -> new RowCondition.Between(column, Double.NEGATIVE_INFINITY, bound);
            default -> new RowCondition.Between(column, Double.NEGATIVE_INFINITY, Math.nextDown(bound));
        };
    }

    public boolean all() {
        return conditions.isEmpty();
    }

    /** The filter with one more condition, or with the conditions on {@code column} replaced by {@code next}. */
    public RowFilter with(String column, List<RowCondition> next) {
        List<RowCondition> kept = new ArrayList<>(conditions.stream().filter(c -> !c.column().equals(column)).toList());
        kept.addAll(next);
        return new RowFilter(kept);
    }

    /** A row's value in a column: a column of the file first, else its text, label or id. */
    public static String value(TextRow row, String column) {
        String value = row.metadata().get(column);
        if (value != null) {
            return value;
        }
        return switch (column) {
            case "text" -> row.text();
            case "label" -> row.label();
            case "id" -> row.id();
            default -> null;
        };
    }

    public boolean matches(TextRow row) {
        for (RowCondition condition : conditions) {
            if (!condition.test(value(row, condition.column()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows that pass, after checking that each condition names a column the corpus has and
     * that a range's column holds numbers: a misspelt column would otherwise hide every row in silence.
     */
    public BitSet matches(Corpus corpus) {
        check(corpus);
        BitSet passing = new BitSet(corpus.rows().size());
        for (int i = 0; i < corpus.rows().size(); i++) {
            if (matches(corpus.rows().get(i))) {
                passing.set(i);
            }
        }
        return passing;
    }

    /** Only the rows that pass; none passing is a bad input that says so. */
    public Corpus apply(Corpus corpus) {
        if (all()) {
            return corpus;
        }
        BitSet passing = matches(corpus);
        if (passing.isEmpty()) {
            throw new BadInputException(corpus.source() + ": no row passes " + describe());
        }
        List<TextRow> rows = passing.stream().mapToObj(corpus.rows()::get).toList();
        return new Corpus(corpus.source(), corpus.columns(), rows, corpus.skipped());
    }

    private void check(Corpus corpus) {
        Set<String> metadata = new LinkedHashSet<>();
        corpus.rows().forEach(row -> metadata.addAll(row.metadata().keySet()));
        for (RowCondition condition : conditions) {
            String column = condition.column();
            boolean own = column.equals("text") || column.equals("label") || column.equals("id");
            if (!metadata.contains(column) && !own) {
                if (corpus.columns().contains(column)) {
                    throw new BadInputException(corpus.source() + ": --where " + String.join(" ", condition.arguments())
                            + ": '" + column + "' is read as the text, label or id; filter on it as text, label or id");
                }
                List<String> known = new ArrayList<>(List.of("text", "label", "id"));
                known.addAll(metadata);
                throw new BadInputException(corpus.source() + ": --where " + String.join(" ", condition.arguments())
                        + ": no column '" + column + "'; columns: " + String.join(", ", known));
            }
            if (condition instanceof RowCondition.Between && corpus.rows().stream()
                    .noneMatch(row -> !Double.isNaN(RowCondition.Between.number(value(row, column))))) {
                throw new BadInputException(corpus.source() + ": --where " + String.join(" ", condition.arguments())
                        + ": column '" + column + "' holds no numbers");
            }
        }
    }

    /** The filter as command-line arguments, for people and for cache keys: empty for every row. */
    public String describe() {
        StringBuilder words = new StringBuilder();
        for (RowCondition condition : conditions) {
            for (String argument : condition.arguments()) {
                words.append(words.isEmpty() ? "" : " ").append("--where '").append(argument).append('\'');
            }
        }
        return words.toString();
    }
}
