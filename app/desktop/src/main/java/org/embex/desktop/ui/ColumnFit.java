package org.embex.desktop.ui;

import java.util.List;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * A table column as wide as its widest text (and its heading) needs, within bounds: a short
 * column (an id, a label) gives its room to the text beside it, and no label is cut while there is
 * room for it ("cancel_cont…").
 */
final class ColumnFit {

    /** A cell's padding on both sides, and room for the sort arrow in the heading. */
    private static final double PADDING = 26;

    private ColumnFit() {
    }

    static void fit(TableColumn<?, ?> column, List<String> texts, double least, double most) {
        double widest = width(column.getText());
        for (String text : texts) {
            widest = Math.max(widest, width(text));
        }
        double wanted = Math.max(least, Math.min(most, Math.ceil(widest + PADDING)));
        column.setPrefWidth(wanted);
        column.setMinWidth(Math.min(wanted, least));
    }

    private static double width(String text) {
        return text == null ? 0 : new Text(text).getLayoutBounds().getWidth();
    }
}
