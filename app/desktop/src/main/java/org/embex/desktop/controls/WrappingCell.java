package org.embex.desktop.controls;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/**
 * A list cell whose text wraps at the list's width instead of running off its right edge: in a
 * tool window beside the map, half a laptop screen wide, a misjudged question reads whole without
 * scrolling sideways.
 */
public final class WrappingCell<T> extends ListCell<T> {

    /** The width a vertical scroll bar takes from the cells. */
    private static final double SCROLL_BAR = 16;
    /** Space above and below a wrapped text, as the theme leaves around one line. */
    private static final double LINE_GAP = 10;

    private WrappingCell() {
        setWrapText(true);
        // No width of its own: the list gives each cell the width it shows, and its height follows the lines at that width.
        setPrefWidth(0);
    }

    /** Makes every cell of {@code list} wrap its item's text. */
    public static <T> void wrap(ListView<T> list) {
        list.setCellFactory(shown -> new WrappingCell<>());
    }

    /**
     * The theme's row height, or the height of the text's lines at the cell's width when they need
     * more: the theme gives list cells a fixed height, which would cut a wrapped text at its second
     * line. Measured as if the list showed its scroll bar, which it may add after measuring.
     */
    @Override
    protected double computePrefHeight(double width) {
        double row = super.computePrefHeight(width);
        if (getText() == null || width < 0) {
            return row;
        }
        Text lines = new Text(getText());
        lines.setFont(getFont());
        lines.setWrappingWidth(Math.max(1, width - snappedLeftInset() - snappedRightInset() - SCROLL_BAR));
        return Math.max(row, Math.ceil(lines.getLayoutBounds().getHeight()) + snappedTopInset() + snappedBottomInset() + LINE_GAP);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.toString());
    }
}
