package org.embex.vectorfile;

import java.util.Arrays;

import org.embex.BadInputException;

/**
 * One vector written as a JSON array of numbers ({@code [0.12, -0.5, 3e-2]}), as CSV, TSV, JSONL
 * and text columns of Parquet files hold them. Parsed by hand: a million rows of 384 numbers go
 * through here, and the messages say which value is wrong.
 */
final class JsonVector {

    private JsonVector() {
    }

    /**
     * @param where where the cell is, for messages
     * @param dims  the width every row must have, or 0 for the first row, which sets it
     */
    static float[] parse(String text, int dims, String where) {
        String cell = text.strip();
        if (cell.length() < 2 || cell.charAt(0) != '[' || cell.charAt(cell.length() - 1) != ']') {
            throw new BadInputException(where + ": " + shown(cell) + " is not a vector (a JSON array of numbers such as"
                    + " [0.12, -0.5])");
        }
        float[] values = new float[dims > 0 ? dims : 16];
        int count = 0;
        int at = 1;
        int end = cell.length() - 1;
        if (cell.substring(1, end).isBlank()) {
            throw new BadInputException(where + ": the vector is empty ([])");
        }
        while (at <= end) {
            int comma = cell.indexOf(',', at);
            int stop = comma < 0 || comma > end ? end : comma;
            String number = cell.substring(at, stop).strip();
            float value;
            try {
                value = Float.parseFloat(number);
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": value " + (count + 1) + " (" + shown(number) + ") is not a number");
            }
            if (number.endsWith("f") || number.endsWith("d") || number.endsWith("F") || number.endsWith("D")) {
                throw new BadInputException(where + ": value " + (count + 1) + " (" + shown(number) + ") is not a JSON number");
            }
            if (Float.isInfinite(value) && !number.contains("Infinity")) {
                throw new BadInputException(where + ": value " + (count + 1) + " (" + shown(number) + ") is beyond float32's range");
            }
            if (count == values.length) {
                if (dims > 0) {
                    throw new BadInputException(where + ": the vector has more than " + dims
                            + " values, the width of the rows before it");
                }
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[count++] = value;
            at = stop + 1;
        }
        if (dims > 0 && count != dims) {
            throw new BadInputException(where + ": the vector has " + count + " values, the rows before it " + dims);
        }
        return count == values.length ? values : Arrays.copyOf(values, count);
    }

    private static String shown(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }
}
