package org.embex.desktop.ui;

import java.util.BitSet;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.Legend;
import org.embex.desktop.map.MapView;
import org.embex.desktop.viewmodel.Job;
import org.embex.desktop.viewmodel.NeighbourRow;
import org.embex.desktop.viewmodel.PlacedMapViewModel;
import org.embex.layout.Layout;

/**
 * A map made on Spark in a window of its own: the points where the map job placed them, coloured by
 * its clusters, density shading on (a map of this size is read by where it is dense), and beside it
 * a clicked point's nearest texts as the file's vectors give them.
 */
final class PlacedMapWindow {

    private final Stage stage = new Stage();
    private final MapView map = new MapView();
    private final Legend legend = new Legend();
    private final TableView<NeighbourRow> table = new TableView<>();
    private final Label heading = new Label();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();

    PlacedMapWindow(Window owner, PlacedMapViewModel model, Themes themes) {
        stage.initOwner(owner);
        stage.titleProperty().bind(model.titleProperty());
        map.setId("placed-map");
        map.setDensity(true);
        map.describeWith(model::describe);
        map.onPointClicked(model::select);
        // A cluster switched off in the legend is hidden on the map, as in the explorer.
        legend.onHiddenChanged(clusters -> map.setHidden(map.colouring().pointsIn(clusters)));
        // Made when the first map is read: it starts from the view model's state, then follows it.
        show(model.layoutProperty().get(), model.colouringProperty().get());
        model.layoutProperty().addListener((o, was, now) -> show(now, model.colouringProperty().get()));
        model.focusProperty().addListener((o, was, now) -> map.setNeighbours(now, new int[0], null));
        model.neighbours().addListener((javafx.collections.ListChangeListener<NeighbourRow>) change ->
                map.setNeighbours(model.focusProperty().get(), model.neighbours().stream().mapToInt(NeighbourRow::index).toArray(), null));

        heading.textProperty().bind(model.headingProperty());
        status.textProperty().bind(model.statusProperty());
        heading.setWrapText(true);
        // A wrapped label in a box is otherwise given one line's height and cut.
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.getStyleClass().add("pane-heading");
        table.setId("placed-neighbours");
        table.setItems(model.neighbours());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No neighbours yet"));
        table.getColumns().add(column("#", 44, row -> row.rank()));
        table.getColumns().add(column("Score", 76, row -> String.format("%.4f", row.score())));
        TableColumn<NeighbourRow, String> label = column("Label", 110, row -> row.label());
        table.getColumns().add(label);
        model.neighbours().addListener((javafx.collections.ListChangeListener<NeighbourRow>) change ->
                ColumnFit.fit(label, model.neighbours().stream().map(NeighbourRow::label).toList(), 70, 190));
        table.getColumns().add(column("Text", 300, row -> row.text()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                map.centreOn(now.index());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox side = new VBox(8, heading, table, legend);
        side.setPadding(new Insets(10));
        side.getStyleClass().add("neighbours-pane");

        progress.setPrefWidth(160);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        HBox bar = new HBox(10, progress, status);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        if (model.jobProperty().get() != null) {
            follow(model.jobProperty().get());
        }
        model.jobProperty().addListener((o, was, now) -> follow(now));

        SplitPane split = new SplitPane(map, side);
        split.setDividerPositions(0.6);
        BorderPane root = new BorderPane(split);
        root.setBottom(bar);
        Scene scene = Themes.fitted(root, 1320, 860);
        stage.setScene(scene);
        Themes.colour(map, themes.dark());
    }

    private void show(Layout places, Colouring colouring) {
        if (places == null) {
            return;
        }
        map.setLayout(places);
        map.setColouring(colouring);
        map.setHidden(new BitSet());
        legend.show(colouring);
        map.fitAll();
    }

    /** The progress bar runs while a job does; the status line says what the view model reports. */
    private void follow(Job<?> job) {
        progress.progressProperty().bind(job.progressProperty());
        progress.visibleProperty().bind(job.stateProperty().isEqualTo(Job.State.RUNNING));
    }

    private static <T> TableColumn<NeighbourRow, T> column(String title, double width, java.util.function.Function<NeighbourRow, T> value) {
        TableColumn<NeighbourRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setPrefWidth(width);
        // The rank and the score are never cut; the label and the text give way to a narrow pane.
        column.setMinWidth(Math.min(width, 76));
        return column;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    MapView map() {
        return map;
    }
}
