package org.embex.desktop.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.embex.desktop.viewmodel.DialogService;
import org.embex.desktop.viewmodel.ImportViewModel;
import org.embex.usecase.CorpusSpec;

/** The view model's questions as the window asks them: file choosers, the import dialog, a choice, an error alert. */
public final class WindowDialogs implements DialogService {

    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to (null before it shows) */
    public WindowDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseCorpus(Optional<Path> folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open corpus");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Corpora and vectors (csv, tsv, jsonl, txt, parquet, npy)", "*.csv", "*.tsv",
                        "*.jsonl", "*.txt", "*.md", "*.parquet", "*.npy"),
                new FileChooser.ExtensionFilter("All files", "*"));
        folder.map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<CorpusSpec> chooseColumns(Path file) {
        return new ImportDialog(owner.get(), new ImportViewModel(file)).showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String name, List<FileKind> kinds) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileKind kind : kinds) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.description(), "*." + kind.extension()));
        }
        chooser.setInitialFileName(name);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<String> choose(String title, String question, List<String> choices) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.get(0), choices);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        return dialog.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle("embex");
        alert.setHeaderText(title);
        alert.getDialogPane().setId("confirm-dialog");
        alert.getDialogPane().setPrefWidth(520);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void showError(String what, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle("embex");
        alert.setHeaderText(what);
        alert.setContentText(detail);
        alert.getDialogPane().setId("error-dialog");
        alert.show();
    }
}
