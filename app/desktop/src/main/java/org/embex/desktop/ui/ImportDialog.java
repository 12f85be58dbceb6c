package org.embex.desktop.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringWrapper;
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

import org.embex.BadInputException;
import org.embex.corpus.ColumnChoice;
import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.Table;
import org.embex.corpus.TableFormat;
import org.embex.usecase.CorpusPreview;
import org.embex.usecase.CorpusSpec;

/**
 * Settles how to read a file before anything is embedded: the detected format, whether the first
 * line is a header, which column holds the text, the label and the id, over a preview of the
 * first rows. A file the reader rejects shows its error here, with the line and column, and
 * cannot be opened until the choices make it readable.
 */
public final class ImportDialog extends Dialog<CorpusSpec> {

    private static final int PREVIEW_ROWS = 200;
    private static final String NONE = "(none)";
    private static final int SKIPPED_SHOWN = 5;

    private final Path file;
    private final ComboBox<TableFormat> format = new ComboBox<>();
    private final CheckBox header = new CheckBox("First line is a header");
    private final CheckBox skipBadRows = new CheckBox("Skip rows that do not fit, and list them");
    private final ComboBox<String> text = new ComboBox<>();
    private final ComboBox<String> label = new ComboBox<>();
    private final ComboBox<String> id = new ComboBox<>();
    private final TableView<List<String>> preview = new TableView<>();
    private final Label problem = new Label();
    private boolean filling;

    public ImportDialog(Window owner, Path file) {
        this.file = file;
        initOwner(owner);
        setTitle("Open corpus");
        setHeaderText(file.getFileName() + "\n" + file.toAbsolutePath().getParent());
        setResizable(true);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefSize(860, 600);
        getDialogPane().setId("import-dialog");

        format.getItems().setAll(TableFormat.values());
        format.setId("format");
        text.setId("text-column");
        label.setId("label-column");
        id.setId("id-column");
        header.setSelected(true);
        skipBadRows.setId("skip-bad-rows");
        skipBadRows.setTooltip(new Tooltip("Rows with more or fewer cells than the header, or with an empty text, are left "
                + "out and listed, as the commands' --skip-bad-rows does; otherwise the first one stops the import"));
        problem.setId("import-problem");
        problem.setWrapText(true);
        // Wrapped over as many lines as the message needs, never cut with an ellipsis.
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("danger");
        problem.setVisible(false);
        problem.setManaged(false);

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

        Optional<TableFormat> detected = detect(file);
        format.setValue(detected.orElse(TableFormat.CSV));
        format.valueProperty().addListener((o, was, now) -> reload());
        header.selectedProperty().addListener((o, was, now) -> reload());
        skipBadRows.selectedProperty().addListener((o, was, now) -> reload());
        for (ComboBox<String> column : List.of(text, label, id)) {
            column.valueProperty().addListener((o, was, now) -> check());
        }
        reload();
        setResultConverter(button -> button == ButtonType.OK ? spec() : null);
    }

    private static Optional<TableFormat> detect(Path file) {
        try {
            return Optional.of(TableFormat.of(file));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    private ReadOptions options() {
        return ReadOptions.defaults().withHeader(header.isSelected()).withFormat(format.getValue())
                .withSkipBadRows(skipBadRows.isSelected());
    }

    /** Reads the file again with the current format and header choice, refills the preview, and checks it. */
    private void reload() {
        if (filling) {
            return;
        }
        filling = true;
        try {
            Table table = CorpusPreview.of(file, options());
            showColumns(table);
            showPreview(table);
        } catch (BadInputException e) {
            preview.getColumns().clear();
            preview.getItems().clear();
            showProblem(e);
            return;
        } finally {
            filling = false;
        }
        check();
    }

    /**
     * Reads the corpus as it will be opened, with the columns chosen, so that a row the commands
     * would stop at (an empty text, a JSONL text that is not a string) stops the import here, in
     * the same words, and rows skipped are listed before OK rather than after.
     */
    private void check() {
        if (filling || text.getValue() == null) {
            return;
        }
        try {
            Optional<String> skipped = CorpusPreview.check(spec(), SKIPPED_SHOWN);
            problem.setText(skipped.orElse(""));
            problem.getStyleClass().setAll("label", "warning");
            problem.setVisible(skipped.isPresent());
            problem.setManaged(skipped.isPresent());
            getDialogPane().lookupButton(ButtonType.OK).setDisable(false);
        } catch (BadInputException e) {
            showProblem(e);
        }
    }

    private void showProblem(BadInputException e) {
        problem.setText(e.getMessage() + (e instanceof CorpusFormatException && !skipBadRows.isSelected()
                ? "\nTick “Skip rows that do not fit” to leave such rows out and list them." : ""));
        problem.getStyleClass().setAll("label", "danger");
        problem.setVisible(true);
        problem.setManaged(true);
        getDialogPane().lookupButton(ButtonType.OK).setDisable(true);
    }

    private void showColumns(Table table) {
        List<String> columns = table.columns();
        ColumnChoice.Bound guess = ColumnChoice.defaults().bind(file, columns, header.isSelected());
        text.getItems().setAll(columns);
        text.setValue(guess.text().get(0));
        List<String> optional = new ArrayList<>();
        optional.add(NONE);
        optional.addAll(columns);
        label.getItems().setAll(optional);
        label.setValue(guess.label().orElse(NONE));
        id.getItems().setAll(optional);
        id.setValue(guess.id().orElse(NONE));
    }

    private void showPreview(Table table) {
        preview.getColumns().clear();
        for (int c = 0; c < table.columns().size(); c++) {
            int column = c;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(table.columns().get(c));
            tableColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                    column < row.getValue().size() ? row.getValue().get(column) : ""));
            tableColumn.setPrefWidth(table.columns().size() <= 3 ? 260 : 150);
            preview.getColumns().add(tableColumn);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Table.Row row : table.rows().subList(0, Math.min(PREVIEW_ROWS, table.rows().size()))) {
            rows.add(row.cells());
        }
        preview.getItems().setAll(rows);
    }

    /** What the dialog settled, as the corpus reader takes it. */
    public CorpusSpec spec() {
        ColumnChoice columns = new ColumnChoice(List.of(text.getValue()), chosen(label.getValue()), chosen(id.getValue()));
        return new CorpusSpec(file, options(), columns);
    }

    private static Optional<String> chosen(String value) {
        return value == null || value.equals(NONE) ? Optional.empty() : Optional.of(value);
    }
}
