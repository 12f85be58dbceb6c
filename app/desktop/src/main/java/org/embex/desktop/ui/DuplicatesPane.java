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
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.embex.desktop.viewmodel.DuplicateList;
import org.embex.desktop.viewmodel.DuplicatesViewModel;
import org.embex.desktop.viewmodel.ExplorerViewModel;

/**
 * Near-duplicate groups of the corpus on screen, a view of {@link DuplicatesViewModel}: the
 * threshold, Find and Export, and the groups as a tree (a group, then its texts with their cosine to
 * the representative). Picking a group selects its texts on the map; picking a text points the map at it.
 */
public final class DuplicatesPane extends VBox {

    private final Spinner<Double> threshold = new Spinner<>();
    private final Button find = new Button("Find");
    private final Button export = new Button("Export…");
    private final Label heading = new Label();
    private final TreeTableView<Line> tree = new TreeTableView<>(new TreeItem<>());
    /** The view model's threshold as the spinner's object value, held here: a bidirectional binding holds it only weakly. */
    private final ObjectProperty<Double> value;

    /** A line of the tree: a group's heading, or one of its texts. */
    record Line(DuplicateList.Group group, DuplicateList.Member member) {

        String text() {
            return member == null ? String.format("Group %d · %d texts · weakest %.4f", group.number(), group.members().size(),
                    group.weakest()) : member.text();
        }

        String score() {
            return member == null ? "" : member == group.representative() ? "rep." : String.format("%.4f", member.score());
        }

        String label() {
            return member == null ? "" : member.label();
        }
    }

    public DuplicatesPane(ExplorerViewModel model) {
        super(8);
        setPadding(new Insets(10));
        DuplicatesViewModel duplicates = model.duplicates();
        threshold.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, 1.0, DuplicatesViewModel.DEFAULT_THRESHOLD,
                0.01));
        threshold.setEditable(true);
        threshold.setPrefWidth(96);
        threshold.setId("duplicate-threshold");
        threshold.setTooltip(new Tooltip("The cosine a pair must reach. It follows the threshold workbench's slider."));
        find.setId("find-duplicates");
        find.getStyleClass().add("accent");
        export.setId("export-duplicates");
        export.setDisable(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, new Label("Threshold"), threshold, find, gap, export);
        top.setAlignment(Pos.CENTER_LEFT);
        heading.setWrapText(true);
        heading.getStyleClass().add("pane-heading");

        tree.setId("duplicates");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label("No groups yet"));
        TreeTableColumn<Line, String> score = column("Score", Line::score, 66, 72);
        TreeTableColumn<Line, String> label = column("Label", Line::label, 70, 100);
        TreeTableColumn<Line, String> text = column("Text", Line::text, 120, Double.MAX_VALUE);
        text.setCellFactory(WrappedText::treeCell);
        tree.getColumns().setAll(List.of(text, score, label));
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(top, heading, tree);

        value = duplicates.thresholdProperty().asObject();
        threshold.getValueFactory().valueProperty().bindBidirectional(value);
        find.setOnAction(event -> duplicates.find());
        export.setOnAction(event -> duplicates.export());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == null) {
                return;
            }
            if (now.getValue().member() == null) {
                duplicates.show(now.getValue().group());
            } else {
                model.neighbours().centreOn(now.getValue().member().index());
            }
        });
        duplicates.foundProperty().addListener((o, was, now) -> show(now));
        show(duplicates.foundProperty().get());
    }

    private static TreeTableColumn<Line, String> column(String title, Function<Line, String> value,
                                                        double min, double max) {
        TreeTableColumn<Line, String> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue().getValue())));
        column.setMinWidth(min);
        column.setMaxWidth(max);
        column.setSortable(false);
        return column;
    }

    private void show(DuplicateList shown) {
        heading.setText(shown.heading());
        TreeItem<Line> root = new TreeItem<>();
        for (DuplicateList.Group group : shown.groups()) {
            TreeItem<Line> item = new TreeItem<>(new Line(group, null));
            for (DuplicateList.Member member : group.members()) {
                item.getChildren().add(new TreeItem<>(new Line(group, member)));
            }
            // The first groups open, so that what was found is seen at once.
            item.setExpanded(group.number() <= 3);
            root.getChildren().add(item);
        }
        tree.setRoot(root);
        export.setDisable(shown.groups().isEmpty());
    }

    /** The groups' headings as listed, for tests. */
    List<String> groupHeadings() {
        return tree.getRoot().getChildren().stream().map(item -> item.getValue().text()).toList();
    }

    /** Picks the group listed at {@code index}, as a click on it does. */
    void pickGroup(int index) {
        tree.getSelectionModel().select(tree.getRoot().getChildren().get(index));
    }
}
