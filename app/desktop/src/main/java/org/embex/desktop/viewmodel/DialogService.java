package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.embex.usecase.CorpusSpec;

/**
 * What the view model asks the person at the window: files, a choice, how to read a corpus, and
 * what went wrong. The window answers with dialogs; tests answer as a person would have.
 */
public interface DialogService {

    /** A kind of file offered in a save dialog: what people call it, and its extension without the dot. */
    record FileKind(String description, String extension) {
    }

    /** A corpus file to open, starting in {@code folder} when there is one. */
    Optional<Path> chooseCorpus(Optional<Path> folder);

    /** How to read {@code file} (format, header, columns), settled in the import dialog; empty when cancelled. */
    Optional<CorpusSpec> chooseColumns(Path file);

    /** A file to write, suggested as {@code name}, of one of {@code kinds} (the first preselected). */
    Optional<Path> chooseFileToSave(String title, String name, List<FileKind> kinds);

    /** One of {@code choices}, or empty when the person declines. */
    Optional<String> choose(String title, String question, List<String> choices);

    /** Whether the person agrees to {@code action} (the button that says yes), having read {@code question}. */
    boolean confirm(String title, String question, String action);

    /** Says that {@code what} failed and why, without stopping the window. */
    void showError(String what, String detail);
}
