package org.embex.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which columns hold the text (one, or several joined with a space, such as title and body), the
 * label and the id; every other column is metadata. A column is named by header or by 1-based
 * position. Left unnamed, the text is the column {@code text} (else the first), the label the
 * column {@code label} if there is one, the id {@code id} (else the line number).
 */
public record ColumnChoice(List<String> text, Optional<String> label, Optional<String> id) {

    public ColumnChoice {
        text = List.copyOf(text);
        label = label == null ? Optional.empty() : label;
        id = id == null ? Optional.empty() : id;
    }

    public static ColumnChoice defaults() {
        return new ColumnChoice(List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * This choice and how {@code file} is read, in one line: what the cache remembers a corpus and
     * its maps by, the same whichever face of embex opened the file. The format is the one in
     * effect, so a format named explicitly and the same format told by the extension agree.
     * Skipping bad rows is left out: it changes no row that is read, only whether a file with bad
     * rows is read at all.
     */
    public String describe(Path file, ReadOptions options) {
        return "text=" + String.join("+", text) + ";label=" + label.orElse("") + ";id=" + id.orElse("") + ";header="
                + options.header() + ";encoding=" + options.charset().name() + ";format="
                + options.formatOf(file).name().toLowerCase(Locale.ROOT);
    }

    /** The choice made concrete for a file's columns: names only, every one checked to exist. */
    public Bound bind(Path file, List<String> columns, boolean header) {
        return bind(file, columns, header, true);
    }

    /**
     * As {@link #bind(Path, List, boolean)}, where JSONL names its columns line by line
     * ({@code everyColumnKnown} false): a field named here that the first line lacks may come on
     * the next, and a line without it is a bad row, not a bad file.
     */
    Bound bind(Path file, List<String> columns, boolean header, boolean everyColumnKnown) {
        UnaryOperator<String> resolve = reference -> !everyColumnKnown && !Columns.isPosition(reference) ? reference
                : Columns.resolve(file, columns, header, reference);
        List<String> textColumns = new ArrayList<>();
        if (text.isEmpty()) {
            if (columns.isEmpty()) {
                throw new org.embex.BadInputException(file + ": no columns, so no text to read");
            }
            textColumns.add(columns.contains("text") ? "text" : columns.get(0));
        } else {
            text.forEach(reference -> textColumns.add(resolve.apply(reference)));
        }
        Optional<String> labelColumn = label.map(resolve)
                .or(() -> columns.contains("label") ? Optional.of("label") : Optional.empty());
        Optional<String> idColumn = id.map(resolve)
                .or(() -> columns.contains("id") ? Optional.of("id") : Optional.empty());
        return new Bound(List.copyOf(textColumns), labelColumn, idColumn);
    }

    /** Column names that {@link #toRow} reads. */
    public record Bound(List<String> text, Optional<String> label, Optional<String> id) {

        /**
         * What keeps {@code record} from being a text, if anything: a text field that is missing or
         * not a JSON string (only JSONL has either), or a text that is empty or blank.
         */
        Optional<CorpusFormatException> problem(SourceRecord record) {
            for (String column : text) {
                Optional<Cell> cell = record.cell(column);
                if (cell.isEmpty()) {
                    // A missing field has no place of its own on the line; column 1 is where the object starts.
                    return Optional.of(new CorpusFormatException(record.file(), record.line(), 1, "no \"" + column
                            + "\" field (" + (record.cells().isEmpty() ? "the object is empty"
                            : "fields: " + String.join(", ", record.cells().keySet())) + ")"));
                }
                if (cell.get().kind() != Cell.Kind.STRING) {
                    return Optional.of(new CorpusFormatException(record.file(), record.line(), cell.get().column(),
                            "\"" + column + "\" is " + cell.get().kind().words() + ", not a string"));
                }
            }
            if (!join(record).isBlank()) {
                return Optional.empty();
            }
            String emptiness = text.stream().allMatch(column -> record.field(column).isEmpty()) ? "empty" : "blank";
            return Optional.of(new CorpusFormatException(record.file(), record.line(),
                    record.cell(text.get(0)).orElseThrow().column(),
                    text.size() == 1 ? "the text is " + emptiness
                            : "the text columns (" + String.join(", ", text) + ") are " + emptiness));
        }

        public TextRow toRow(SourceRecord record) {
            Map<String, String> metadata = record.fields();
            text.forEach(metadata::remove);
            label.ifPresent(metadata::remove);
            id.ifPresent(metadata::remove);
            return new TextRow(
                    id.map(record::field).orElse(String.valueOf(record.line())),
                    join(record),
                    label.map(record::field).orElse(""),
                    metadata,
                    record.line());
        }

        private String join(SourceRecord record) {
            StringBuilder joined = new StringBuilder();
            for (String column : text) {
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(record.field(column));
            }
            return joined.toString();
        }
    }
}
