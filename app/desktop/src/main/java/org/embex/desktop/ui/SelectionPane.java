package org.embex.desktop.ui;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The texts selected on the map (box, lasso, or a legend pick), ready to export. */
public final class SelectionPane extends VBox {

    private final Label count = new Label("Nothing selected. Shift-drag a box, Alt-drag a lasso.");
    private final Button export = new Button("Export…");
    private final Button clear = new Button("Clear");
    private final TableView<SelectedRow> table = new TableView<>();

    public SelectionPane() {
        super(8);
        setPadding(new Insets(10));
        export.setId("export");
        export.setDisable(true);
        clear.setDisable(true);
        count.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, count, gap, clear, export);
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("selection");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No selection"));
        table.getColumns().setAll(List.of(
                column("id", SelectedRow::id, 50, 90),
                column("Label", SelectedRow::label, 70, 130),
                column("Cluster", SelectedRow::cluster, 50, 70),
                column("Text", SelectedRow::text, 120, Double.MAX_VALUE)));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, table);
    }

    private static TableColumn<SelectedRow, String> column(String title, java.util.function.Function<SelectedRow, String> value,
                                                           double min, double max) {
        TableColumn<SelectedRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setMinWidth(min);
        column.setMaxWidth(max);
        return column;
    }

    public void onExport(Runnable listener) {
        export.setOnAction(event -> listener.run());
    }

    public void onClear(Runnable listener) {
        clear.setOnAction(event -> listener.run());
    }

    public void show(List<SelectedRow> rows) {
        table.getItems().setAll(rows);
        count.setText(rows.isEmpty() ? "Nothing selected. Shift-drag a box, Alt-drag a lasso."
                : String.format("%,d selected", rows.size()));
        export.setDisable(rows.isEmpty());
        clear.setDisable(rows.isEmpty());
    }

    public List<Integer> indices() {
        return table.getItems().stream().map(SelectedRow::index).toList();
    }
}
