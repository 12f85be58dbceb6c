package org.embex.desktop.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.embex.corpus.TableFormat;
import org.embex.desktop.viewmodel.ImportViewModel;
import org.embex.usecase.CorpusSpec;

/**
 * Settles how to read a file before anything is embedded: the view of an {@link ImportViewModel},
 * its reading and column choices over a preview of the first rows, and what is wrong with the file
 * as chosen, with OK held back until the choices make it readable.
 */
public final class ImportDialog extends Dialog<CorpusSpec> {

    private final ImportViewModel model;
    private final ComboBox<TableFormat> format = new ComboBox<>();
    private final CheckBox header = new CheckBox("First line is a header");
    private final CheckBox skipBadRows = new CheckBox("Skip rows that do not fit, and list them");
    private final ComboBox<String> text = new ComboBox<>();
    private final ComboBox<String> label = new ComboBox<>();
    private final ComboBox<String> id = new ComboBox<>();
    private final TableView<List<String>> preview = new TableView<>();
    private final Label problem = new Label();

    public ImportDialog(Window owner, ImportViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Open corpus");
        setHeaderText(model.file().getFileName() + "\n" + model.file().toAbsolutePath().getParent());
        setResizable(true);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefSize(860, 600);
        getDialogPane().setId("import-dialog");

        format.getItems().setAll(TableFormat.values());
        format.setId("format");
        text.setId("text-column");
        label.setId("label-column");
        id.setId("id-column");
        skipBadRows.setId("skip-bad-rows");
        skipBadRows.setTooltip(new Tooltip("Rows with more or fewer cells than the header, or with an empty text, are left "
                + "out and listed, as the commands' --skip-bad-rows does; otherwise the first one stops the import"));
        problem.setId("import-problem");
        problem.setWrapText(true);
        // Wrapped over as many lines as the message needs, never cut with an ellipsis.
        problem.setMinHeight(Region.USE_PREF_SIZE);

        GridPane choices = new GridPane();
        choices.setHgap(10);
        choices.setVgap(8);
        choices.addRow(0, new Label("Format"), format, header);
        choices.add(skipBadRows, 2, 2, 5, 1);
        choices.addRow(1, new Label("Text"), text, new Label("Label"), label, new Label("Id"), id);
        preview.setId("preview");
        preview.setPlaceholder(new Label("Nothing to preview"));
        VBox.setVgrow(preview, Priority.ALWAYS);
        VBox content = new VBox(10, choices, problem, preview);
        content.setPadding(new Insets(10, 0, 0, 0));
        getDialogPane().setContent(content);

        bind();
        setResultConverter(button -> button == ButtonType.OK ? model.spec() : null);
    }

    /** Ties the controls to the model: each choice both ways, what the model reads one way. */
    private void bind() {
        // The items first, so that each choice the model holds is among them when it is shown.
        text.setItems(model.columns());
        model.columns().addListener((ListChangeListener<String>) change -> offerOptionalColumns());
        offerOptionalColumns();
        format.valueProperty().bindBidirectional(model.formatProperty());
        header.selectedProperty().bindBidirectional(model.headerProperty());
        skipBadRows.selectedProperty().bindBidirectional(model.skipBadRowsProperty());
        text.valueProperty().bindBidirectional(model.textColumnProperty());
        label.valueProperty().bindBidirectional(model.labelColumnProperty());
        id.valueProperty().bindBidirectional(model.idColumnProperty());

        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        model.problemIsErrorProperty().addListener((o, was, now) -> styleProblem());
        styleProblem();
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(model.openableProperty().not());
        model.previewProperty().addListener((o, was, now) -> showPreview(now));
        showPreview(model.previewProperty().get());
    }

    /** The label and the id may be no column at all. */
    private void offerOptionalColumns() {
        List<String> optional = new ArrayList<>();
        optional.add(ImportViewModel.NONE);
        optional.addAll(model.columns());
        label.getItems().setAll(optional);
        id.getItems().setAll(optional);
    }

    private void styleProblem() {
        problem.getStyleClass().setAll("label", model.problemIsErrorProperty().get() ? "danger" : "warning");
    }

    private void showPreview(ImportViewModel.Preview shown) {
        preview.getColumns().clear();
        for (int c = 0; c < shown.columns().size(); c++) {
            int column = c;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(shown.columns().get(c));
            tableColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                    column < row.getValue().size() ? row.getValue().get(column) : ""));
            ColumnFit.fit(tableColumn, shown.rows().stream().map(row -> column < row.size() ? row.get(column) : "").toList(), 60, 420);
            preview.getColumns().add(tableColumn);
        }
        preview.getItems().setAll(shown.rows());
    }
}
