package org.embex.desktop.ui;

import java.util.function.Function;

import javafx.scene.control.ListCell;

/**
 * A model in the model box: its id, and what sets it apart (it runs at an endpoint, or it is the
 * vectors of the open file). The list says it in words; the box itself, which must leave the
 * toolbar room, keeps only the mark before the words.
 */
final class ModelCell extends ListCell<String> {

    private final Function<String, String> badge;
    private final boolean markOnly;

    ModelCell(Function<String, String> badge, boolean markOnly) {
        this.badge = badge;
        this.markOnly = markOnly;
    }

    @Override
    protected void updateItem(String id, boolean empty) {
        super.updateItem(id, empty);
        if (empty || id == null) {
            setText(null);
            return;
        }
        String where = badge.apply(id);
        if (!where.isEmpty() && markOnly) {
            where = where.substring(0, where.indexOf(' '));
        }
        setText(where.isEmpty() ? id : id + "  " + where);
    }
}
