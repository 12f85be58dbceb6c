package org.embex.desktop.viewmodel;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.embex.usecase.CorpusSpec;

/**
 * The person at the window, for tests without one: answers the view model's questions as the test
 * scripted them (a file, the columns, a choice) and keeps every error it was shown.
 */
final class ScriptedDialogs implements DialogService {

    private final Deque<Path> corpora = new ArrayDeque<>();
    private final Deque<Path> targets = new ArrayDeque<>();
    private final Deque<String> choices = new ArrayDeque<>();
    private final List<String> errors = new ArrayList<>();
    private final List<List<String>> offered = new ArrayList<>();
    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    /** The next corpus chooser answers {@code file}. */
    ScriptedDialogs answerCorpus(Path file) {
        corpora.add(file);
        return this;
    }

    /** The next save dialog answers {@code file}. */
    ScriptedDialogs answerSaveAs(Path file) {
        targets.add(file);
        return this;
    }

    /** The next choice answers {@code choice}. */
    ScriptedDialogs answerChoice(String choice) {
        choices.add(choice);
        return this;
    }

    @Override
    public Optional<Path> chooseCorpus(Optional<Path> folder) {
        return Optional.ofNullable(corpora.poll());
    }

    /** The import dialog as a person who accepts what it guessed: the view model's spec, untouched. */
    @Override
    public Optional<CorpusSpec> chooseColumns(Path file) {
        ImportViewModel dialog = new ImportViewModel(file);
        return dialog.openableProperty().get() ? Optional.of(dialog.spec()) : Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String name, List<FileKind> kinds) {
        return Optional.ofNullable(targets.poll());
    }

    @Override
    public Optional<String> choose(String title, String question, List<String> offeredChoices) {
        offered.add(List.copyOf(offeredChoices));
        return Optional.ofNullable(choices.poll());
    }

    /** The next confirmation answers {@code yes}. */
    ScriptedDialogs answerConfirm(boolean yes) {
        confirmations.add(yes);
        return this;
    }

    /** A question nobody scripted an answer for is declined, as a person who closes the dialog would. */
    @Override
    public boolean confirm(String title, String question, String action) {
        asked.add(title + " " + question);
        return Boolean.TRUE.equals(confirmations.poll());
    }

    /** Every confirmation asked, as "title question". */
    List<String> confirmationsAsked() {
        return List.copyOf(asked);
    }

    @Override
    public void showError(String what, String detail) {
        errors.add(what + ": " + detail);
    }

    /** Every error shown, as "what: detail". */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** The choices each question offered. */
    List<List<String>> offered() {
        return List.copyOf(offered);
    }
}
