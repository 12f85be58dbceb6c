package org.embex.desktop.ui;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.NeighbourList;
import org.embex.desktop.viewmodel.NeighbourRow;
import org.embex.vectors.Metric;

/**
 * The nearest texts to the clicked point or to a typed query: rank, text, label and score, with
 * the metric and how many to list, bound to the view model. Picking a row points the map at that text.
 */
public final class NeighboursPane extends VBox {

    private final TextField query = new TextField();
    private final Button search = new Button("Find");
    private final ComboBox<Metric> metric = new ComboBox<>();
    private final Spinner<Integer> k = new Spinner<>(1, 200, 10);
    private final Label heading = new Label("Click a point or type a query.");
    private final TableView<NeighbourRow> table = new TableView<>();
    private final TableColumn<NeighbourRow, String> label = new TableColumn<>("Label");
    /** The view model's k as the spinner's object value, held here: a bidirectional binding holds it only weakly. */
    private final ObjectProperty<Integer> count;

    public NeighboursPane(ExplorerViewModel model) {
        super(8);
        setPadding(new Insets(10));
        getStyleClass().add("neighbours-pane");
        query.setPromptText("Type a query and press Enter (Ctrl+F)");
        query.setId("query");
        search.setId("find");
        search.getStyleClass().add("accent");
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox queryRow = new HBox(6, query, search);

        metric.getItems().setAll(Metric.values());
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(Metric value) {
                return value == null ? "" : value.label();
            }

            @Override
            public Metric fromString(String label) {
                return Metric.parse(label);
            }
        });
        metric.setId("metric");
        k.setEditable(true);
        k.setPrefWidth(80);
        k.setId("k");
        HBox options = new HBox(8, new Label("Metric"), metric, new Label("k"), k);
        options.setAlignment(Pos.CENTER_LEFT);

        heading.setWrapText(true);
        heading.getStyleClass().add("pane-heading");

        table.setId("neighbours");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No neighbours yet"));
        TableColumn<NeighbourRow, Integer> rank = new TableColumn<>("#");
        rank.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().rank()));
        rank.setMaxWidth(40);
        rank.setMinWidth(34);
        TableColumn<NeighbourRow, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(String.format("%.4f", row.getValue().score())));
        score.setMinWidth(58);
        score.setMaxWidth(64);
        label.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().label()));
        label.setMinWidth(70);
        TableColumn<NeighbourRow, String> text = new TableColumn<>("Text");
        text.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().text()));
        text.setCellFactory(WrappedText::cell);
        table.getColumns().setAll(List.of(rank, score, label, text));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(queryRow, options, heading, table);
        count = model.neighbours().kProperty().asObject();
        bind(model);
    }

    private void bind(ExplorerViewModel model) {
        Runnable ask = () -> model.neighbours().query(query.getText());
        query.setOnAction(event -> ask.run());
        search.setOnAction(event -> ask.run());
        metric.valueProperty().bindBidirectional(model.neighbours().metricProperty());
        k.getValueFactory().valueProperty().bindBidirectional(count);
        table.getSelectionModel().selectedItemProperty().addListener((observable, was, now) -> {
            if (now != null) {
                model.neighbours().centreOn(now.index());
            }
        });
        model.neighbours().neighboursProperty().addListener((observable, was, now) -> show(now));
        show(model.neighbours().neighboursProperty().get());
    }

    private void show(NeighbourList shown) {
        heading.setText(shown.heading());
        ColumnFit.fit(label, shown.rows().stream().map(NeighbourRow::label).toList(), 70, 190);
        table.getItems().setAll(shown.rows());
    }

    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    public List<NeighbourRow> rows() {
        return List.copyOf(table.getItems());
    }
}
