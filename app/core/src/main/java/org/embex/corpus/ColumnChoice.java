package org.embex.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which columns of a table hold the text (one, or several joined with a space, such as title and
 * body), the label and the id. Left unnamed, the text is the column {@code text} (else the first
 * one), the label the column {@code label} if there is one, the id {@code id} (else the line).
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

    public List<TextRow> apply(Table table) {
        List<Integer> textColumns = new ArrayList<>();
        if (text.isEmpty()) {
            textColumns.add(table.optionalColumn("text").orElse(0));
        } else {
            text.forEach(name -> textColumns.add(table.column(name)));
        }
        Optional<Integer> labelColumn = label.map(table::column).or(() -> table.optionalColumn("label"));
        Optional<Integer> idColumn = id.map(table::column).or(() -> table.optionalColumn("id"));
        List<TextRow> rows = new ArrayList<>(table.rows().size());
        for (Table.Row row : table.rows()) {
            StringBuilder joined = new StringBuilder();
            for (int column : textColumns) {
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(row.cell(column));
            }
            rows.add(new TextRow(
                    idColumn.map(row::cell).orElse(String.valueOf(row.line())),
                    joined.toString(),
                    labelColumn.map(row::cell).orElse(""),
                    row.line()));
        }
        return rows;
    }
}
