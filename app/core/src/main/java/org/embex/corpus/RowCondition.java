package org.embex.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One test a row must pass to be shown, on one column: a category among chosen values, a number
 * in a range, a text containing a word. Each says itself as the command line's {@code --where}
 * writes it, so a filter set in the window can be repeated by a command.
 */
public sealed interface RowCondition {

    /** The column it reads: a column of the file, or {@code text}, {@code label} or {@code id}. */
    String column();

    boolean test(String value);

    /** The condition as {@code --where} takes it: one argument, or two for a range closed at both ends. */
    List<String> arguments();

    /** The value is one of {@code values} (or, {@code negated}, none of them). */
    record OneOf(String column, Set<String> values, boolean negated) implements RowCondition {

        public OneOf {
            values = Set.copyOf(values);
        }

        @Override
        public boolean test(String value) {
            return values.contains(value == null ? "" : value) != negated;
        }

        @Override
        public List<String> arguments() {
            return List.of(column + (negated ? "!=" : "=") + String.join(",", new TreeSet<>(values)));
        }
    }

    /** The value is a number from {@code low} to {@code high}, both included; a value that is no number fails. */
    record Between(String column, double low, double high) implements RowCondition {

        @Override
        public boolean test(String value) {
            double number = number(value);
            return !Double.isNaN(number) && number >= low && number <= high;
        }

        @Override
        public List<String> arguments() {
            List<String> bounds = new ArrayList<>();
            if (low != Double.NEGATIVE_INFINITY) {
                bounds.add(column + ">=" + plain(low));
            }
            if (high != Double.POSITIVE_INFINITY) {
                bounds.add(column + "<=" + plain(high));
            }
            return bounds;
        }

        /** The number a cell holds, or NaN. */
        public static double number(String value) {
            if (value == null || value.isBlank()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private static String plain(double number) {
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number) : String.valueOf(number);
        }
    }

    /** The value contains {@code part}, in any case. */
    record Contains(String column, String part) implements RowCondition {

        @Override
        public boolean test(String value) {
            return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
        }

        @Override
        public List<String> arguments() {
            return List.of(column + "~" + part);
        }
    }
}
