package org.embex.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** The choice made concrete for a file's columns: names only, every one checked to exist. */
    /**
     * This choice and how {@code file} is read, in one line: what the cache remembers a corpus and
     * its maps by, the same whichever face of embex opened the file. The format is the one in
     * effect, so a format named explicitly and the same format told by the extension agree.
     */
    public String describe(Path file, ReadOptions options) {
        return "text=" + String.join("+", text) + ";label=" + label.orElse("") + ";id=" + id.orElse("") + ";header="
                + options.header() + ";encoding=" + options.charset().name() + ";format="
                + options.format().orElseGet(() -> TableFormat.of(file)).name().toLowerCase(Locale.ROOT);
    }

    public Bound bind(Path file, List<String> columns, boolean header) {
        List<String> textColumns = new ArrayList<>();
        if (text.isEmpty()) {
            if (columns.isEmpty()) {
                throw new org.embex.BadInputException(file + ": no columns, so no text to read");
            }
            textColumns.add(columns.contains("text") ? "text" : columns.get(0));
        } else {
            text.forEach(reference -> textColumns.add(Columns.resolve(file, columns, header, reference)));
        }
        Optional<String> labelColumn = label.map(reference -> Columns.resolve(file, columns, header, reference))
                .or(() -> columns.contains("label") ? Optional.of("label") : Optional.empty());
        Optional<String> idColumn = id.map(reference -> Columns.resolve(file, columns, header, reference))
                .or(() -> columns.contains("id") ? Optional.of("id") : Optional.empty());
        return new Bound(List.copyOf(textColumns), labelColumn, idColumn);
    }

    /** Column names that {@link #toRow} reads. */
    public record Bound(List<String> text, Optional<String> label, Optional<String> id) {

        public TextRow toRow(SourceRecord record) {
            StringBuilder joined = new StringBuilder();
            for (String column : text) {
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(record.field(column));
            }
            Map<String, String> metadata = new LinkedHashMap<>(record.fields());
            text.forEach(metadata::remove);
            label.ifPresent(metadata::remove);
            id.ifPresent(metadata::remove);
            return new TextRow(
                    id.map(record::field).orElse(String.valueOf(record.line())),
                    joined.toString(),
                    label.map(record::field).orElse(""),
                    metadata,
                    record.line());
        }
    }
}
