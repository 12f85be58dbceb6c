package org.embex.desktop.controls;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A table column of text worked out from each row, in the order measured (not sortable: the order is the meaning). */
public final class TextColumns {

    private TextColumns() {
    }

    public static <T> TableColumn<T, String> of(String name, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
