package org.embex.desktop.ui;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.SelectedRow;
import org.embex.desktop.viewmodel.Selection;

/** The texts selected on the map (box, lasso, or a legend pick), ready to export: a view of the view model's selection. */
public final class SelectionPane extends VBox {

    private final Label count = new Label("Nothing selected. Shift-drag a box, Alt-drag a lasso.");
    private final Button export = new Button("Export…");
    private final Button clear = new Button("Clear");
    private final Button recommend = new Button("Recommend similar");
    private final TableView<SelectedRow> table = new TableView<>();

    /**
     * @param showRecommendations brings the recommendations' pane forward when the selection asks for them
     */
    public SelectionPane(ExplorerViewModel model, Runnable showRecommendations) {
        super(8);
        setPadding(new Insets(10));
        export.setId("export");
        export.setDisable(true);
        clear.setDisable(true);
        recommend.setDisable(true);
        recommend.setId("recommend-similar");
        recommend.setTooltip(new Tooltip("Texts like the selected ones, none of them selected"));
        count.setWrapText(true);
        // The buttons under the words, not beside them: beside them, a side pane of the usual width
        // cut their names to "Recom…" and "…".
        HBox buttons = new HBox(8, recommend, clear, export);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, count, buttons);

        table.setId("selection");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No selection"));
        table.getColumns().setAll(List.of(
                column("id", SelectedRow::id, 50, 90),
                column("Label", SelectedRow::label, 70, 130),
                column("Cluster", SelectedRow::cluster, 50, 70),
                wrapping(column("Text", SelectedRow::text, 120, Double.MAX_VALUE))));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, table);
        export.setOnAction(event -> model.selection().export());
        clear.setOnAction(event -> model.selection().clear());
        recommend.setOnAction(event -> {
            if (model.recommendations().fromSelection() != null) {
                showRecommendations.run();
            }
        });
        model.selection().selectionProperty().addListener((o, was, now) -> show(now));
    }

    private static TableColumn<SelectedRow, String> column(String title, Function<SelectedRow, String> value,
                                                           double min, double max) {
        TableColumn<SelectedRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setMinWidth(min);
        column.setMaxWidth(max);
        return column;
    }

    /** A text is read whole: its cells wrap instead of cutting it off. */
    private static TableColumn<SelectedRow, String> wrapping(TableColumn<SelectedRow, String> column) {
        column.setCellFactory(WrappedText::cell);
        return column;
    }

    private void show(Selection shown) {
        table.getItems().setAll(shown.rows());
        count.setText(shown.isEmpty() ? "Nothing selected. Shift-drag a box, Alt-drag a lasso."
                : String.format("%,d selected", shown.rows().size()));
        export.setDisable(shown.isEmpty());
        clear.setDisable(shown.isEmpty());
        recommend.setDisable(shown.isEmpty());
    }

    public List<Integer> indices() {
        return table.getItems().stream().map(SelectedRow::index).toList();
    }
}
