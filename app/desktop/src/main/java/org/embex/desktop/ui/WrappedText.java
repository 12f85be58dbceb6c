package org.embex.desktop.ui;

import javafx.beans.binding.DoubleExpression;
import javafx.scene.control.Cell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/** Cells whose text wraps onto as many lines as it needs, so that a text in a list is read whole. */
final class WrappedText {

    private WrappedText() {
    }

    static <S> TableCell<S, String> cell(TableColumn<S, String> column) {
        Text text = text(column.widthProperty().subtract(14));
        TableCell<S, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(this, text, item, empty);
            }
        };
        cell.setPrefHeight(Region.USE_COMPUTED_SIZE);
        return cell;
    }

    /** The tree's text column is indented by its disclosure arrow: the text wraps inside what is left. */
    static <S> TreeTableCell<S, String> treeCell(TreeTableColumn<S, String> column) {
        Text text = text(column.widthProperty().subtract(44));
        TreeTableCell<S, String> cell = new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(this, text, item, empty);
            }
        };
        cell.setPrefHeight(Region.USE_COMPUTED_SIZE);
        return cell;
    }

    private static void show(Cell<String> cell, Text text, String item, boolean empty) {
        text.setText(empty || item == null ? "" : item);
        cell.setGraphic(empty ? null : text);
    }

    private static Text text(DoubleExpression width) {
        Text text = new Text();
        text.getStyleClass().add("cell-text");
        text.wrappingWidthProperty().bind(width);
        return text;
    }
}
