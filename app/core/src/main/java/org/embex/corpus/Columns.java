package org.embex.corpus;

import java.nio.file.Path;
import java.util.List;

import org.embex.BadInputException;

/** Resolves what a user typed for a column, a header name or a 1-based position, to a column name. */
final class Columns {

    private Columns() {
    }

    /** Whether the user named a column by its 1-based position rather than by name. */
    static boolean isPosition(String reference) {
        return reference.matches("[1-9][0-9]*");
    }

    static String resolve(Path file, List<String> columns, boolean header, String reference) {
        if (columns.contains(reference)) {
            return reference;
        }
        if (isPosition(reference)) {
            int position = Integer.parseInt(reference);
            if (position <= columns.size()) {
                return columns.get(position - 1);
            }
            throw new BadInputException(file + ": no column " + position + "; it has " + columns.size()
                    + " column" + (columns.size() == 1 ? "" : "s"));
        }
        throw new BadInputException(file + ": no column '" + reference + "'; columns: " + String.join(", ", columns)
                + (header ? "" : " (no header: name columns by position)"));
    }
}
