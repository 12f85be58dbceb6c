package org.embex.desktop.ui;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.desktop.viewmodel.RecommendationList;
import org.embex.desktop.viewmodel.RecommendationsViewModel;

/**
 * Texts recommended from the selection, a view of {@link RecommendationsViewModel}: each with its
 * score and the liked text that brought it in. Picking one points the map at it.
 */
public final class RecommendationsPane extends VBox {

    private final Spinner<Integer> k = new Spinner<>(1, 500, 20);
    private final Button recommend = new Button("Recommend from selection");
    private final Label heading = new Label();
    private final TableView<RecommendationList.Row> table = new TableView<>();
    /** The view model's k as the spinner's object value, held here: a bidirectional binding holds it only weakly. */
    private final ObjectProperty<Integer> count;

    public RecommendationsPane(ExplorerViewModel model) {
        super(8);
        setPadding(new Insets(10));
        RecommendationsViewModel recommendations = model.recommendations();
        recommend.setId("recommend");
        recommend.getStyleClass().add("accent");
        k.setEditable(true);
        k.setPrefWidth(80);
        HBox top = new HBox(8, recommend, new Label("k"), k);
        top.setAlignment(Pos.CENTER_LEFT);
        heading.setWrapText(true);
        heading.getStyleClass().add("pane-heading");

        table.setId("recommendations");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No recommendations yet"));
        TableColumn<RecommendationList.Row, String> rank = column("#", row -> String.valueOf(row.rank()), 34, 40);
        TableColumn<RecommendationList.Row, String> score = column("Score", row -> String.format("%.4f", row.score()), 66, 72);
        TableColumn<RecommendationList.Row, String> text = column("Text", RecommendationList.Row::text, 120, Double.MAX_VALUE);
        text.setCellFactory(WrappedText::cell);
        TableColumn<RecommendationList.Row, String> because = column("Because of",
                row -> String.format("%s (%.2f)", row.because(), row.becauseScore()), 120, Double.MAX_VALUE);
        because.setCellFactory(WrappedText::cell);
        table.getColumns().setAll(List.of(rank, score, text, because));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, heading, table);

        count = recommendations.kProperty().asObject();
        k.getValueFactory().valueProperty().bindBidirectional(count);
        recommend.setOnAction(event -> recommendations.fromSelection());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                recommendations.centreOn(now.index());
            }
        });
        recommendations.recommendationsProperty().addListener((o, was, now) -> show(now));
        show(recommendations.recommendationsProperty().get());
    }

    private static TableColumn<RecommendationList.Row, String> column(String title, Function<RecommendationList.Row, String> value,
                                                                      double min, double max) {
        TableColumn<RecommendationList.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setMinWidth(min);
        column.setMaxWidth(max);
        return column;
    }

    private void show(RecommendationList shown) {
        heading.setText(shown.heading());
        table.getItems().setAll(shown.rows());
    }

    /** The rows listed, for tests. */
    List<RecommendationList.Row> rows() {
        return List.copyOf(table.getItems());
    }
}
