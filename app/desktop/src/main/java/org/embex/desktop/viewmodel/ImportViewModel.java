package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.embex.BadInputException;
import org.embex.corpus.ColumnChoice;
import org.embex.corpus.CorpusFormatException;
import org.embex.corpus.ReadOptions;
import org.embex.corpus.Table;
import org.embex.corpus.TableFormat;
import org.embex.usecase.CorpusPreview;
import org.embex.usecase.CorpusSpec;

/**
 * The import dialog's state: how to read a file before anything is embedded (the format, detected
 * from the extension, else CSV; whether the first line is a header; whether rows that do not fit
 * are skipped), which column holds the text, the label and the id, a preview of the first rows, and
 * what is wrong with the file as chosen. Every change of a reading choice reads the file again and
 * guesses the columns afresh; every change of a column reads the corpus as it will be opened, so a
 * file the reader rejects is told here, with its line and column, and cannot be opened until the
 * choices make it readable.
 */
public final class ImportViewModel {

    /** The label or id column when there is none: the line number is the id, and nothing the label. */
    public static final String NONE = "(none)";

    private static final int PREVIEW_ROWS = 200;
    private static final int SKIPPED_SHOWN = 5;

    /** The column headings and the first rows of the file, as read with the current choices. */
    public record Preview(List<String> columns, List<List<String>> rows) {

        public static final Preview EMPTY = new Preview(List.of(), List.of());

        public Preview {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    private final Path file;
    private final ObjectProperty<TableFormat> format = new SimpleObjectProperty<>();
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final BooleanProperty skipBadRows = new SimpleBooleanProperty();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final StringProperty textColumn = new SimpleStringProperty();
    private final StringProperty labelColumn = new SimpleStringProperty();
    private final StringProperty idColumn = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(Preview.EMPTY);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problemIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper openable = new ReadOnlyBooleanWrapper(true);
    /** Set while a reload sets the columns, so that their every change does not read the corpus again. */
    private boolean filling;

    /** Reads {@code file} with the format its extension tells (CSV when it tells none) and guesses the columns. */
    public ImportViewModel(Path file) {
        this.file = file;
        format.set(detect(file).orElse(TableFormat.CSV));
        format.addListener((o, was, now) -> reload());
        header.addListener((o, was, now) -> reload());
        skipBadRows.addListener((o, was, now) -> reload());
        for (StringProperty column : List.of(textColumn, labelColumn, idColumn)) {
            column.addListener((o, was, now) -> check());
        }
        reload();
    }

    private static Optional<TableFormat> detect(Path file) {
        try {
            return Optional.of(TableFormat.of(file));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    public ObjectProperty<TableFormat> formatProperty() {
        return format;
    }

    /** Whether the first line names the columns. */
    public BooleanProperty headerProperty() {
        return header;
    }

    /** Whether rows that do not fit are left out and listed, as the commands' --skip-bad-rows does. */
    public BooleanProperty skipBadRowsProperty() {
        return skipBadRows;
    }

    /** The file's columns, as last read: the choices for the text column. */
    public ObservableList<String> columns() {
        return columns;
    }

    public StringProperty textColumnProperty() {
        return textColumn;
    }

    /** A column of {@link #columns()}, or {@link #NONE}. */
    public StringProperty labelColumnProperty() {
        return labelColumn;
    }

    /** A column of {@link #columns()}, or {@link #NONE}. */
    public StringProperty idColumnProperty() {
        return idColumn;
    }

    /** Empty while the file cannot be read with the current choices. */
    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What is wrong, or which rows are skipped, in the commands' words; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether {@link #problem()} stops the import (an error), rather than telling of rows skipped (a warning). */
    public ReadOnlyBooleanProperty problemIsErrorProperty() {
        return problemIsError.getReadOnlyProperty();
    }

    /** Whether the file may be opened as chosen. */
    public ReadOnlyBooleanProperty openableProperty() {
        return openable.getReadOnlyProperty();
    }

    /** What the choices settle, as the corpus reader takes it. */
    public CorpusSpec spec() {
        ColumnChoice chosen = new ColumnChoice(List.of(textColumn.get()), chosen(labelColumn.get()), chosen(idColumn.get()));
        return new CorpusSpec(file, options(), chosen);
    }

    private static Optional<String> chosen(String value) {
        return value == null || value.equals(NONE) ? Optional.empty() : Optional.of(value);
    }

    private ReadOptions options() {
        return ReadOptions.defaults().withHeader(header.get()).withFormat(format.get()).withSkipBadRows(skipBadRows.get());
    }

    /** Reads the file again with the current reading choices, refills the columns and the preview, and checks it. */
    private void reload() {
        if (filling) {
            return;
        }
        filling = true;
        try {
            Table table = CorpusPreview.of(file, options());
            guessColumns(table);
            preview.set(previewOf(table));
        } catch (BadInputException e) {
            // The columns and their choices stay as last read; only the preview, whose rows no longer read, goes.
            preview.set(Preview.EMPTY);
            refuse(e);
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
        if (filling || textColumn.get() == null) {
            return;
        }
        try {
            Optional<String> skipped = CorpusPreview.check(spec(), SKIPPED_SHOWN);
            problem.set(skipped.orElse(""));
            problemIsError.set(false);
            openable.set(true);
        } catch (BadInputException e) {
            refuse(e);
        }
    }

    private void refuse(BadInputException e) {
        problem.set(e.getMessage() + (e instanceof CorpusFormatException && !skipBadRows.get()
                ? "\nTick “Skip rows that do not fit” to leave such rows out and list them." : ""));
        problemIsError.set(true);
        openable.set(false);
    }

    private void guessColumns(Table table) {
        ColumnChoice.Bound guess = ColumnChoice.defaults().bind(file, table.columns(), header.get());
        columns.setAll(table.columns());
        textColumn.set(guess.text().get(0));
        labelColumn.set(guess.label().orElse(NONE));
        idColumn.set(guess.id().orElse(NONE));
    }

    private static Preview previewOf(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (Table.Row row : table.rows().subList(0, Math.min(PREVIEW_ROWS, table.rows().size()))) {
            rows.add(row.cells());
        }
        return new Preview(table.columns(), rows);
    }
}
