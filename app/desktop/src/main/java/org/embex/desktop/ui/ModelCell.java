package org.embex.desktop.ui;

import java.util.function.Function;

import javafx.scene.control.ListCell;

/** A model in the model box: its id, and where its texts go when it runs at an endpoint. */
final class ModelCell extends ListCell<String> {

    private final Function<String, String> badge;

    ModelCell(Function<String, String> badge) {
        this.badge = badge;
    }

    @Override
    protected void updateItem(String id, boolean empty) {
        super.updateItem(id, empty);
        if (empty || id == null) {
            setText(null);
            return;
        }
        String where = badge.apply(id);
        setText(where.isEmpty() ? id : id + "  ⇄ " + where);
    }
}
