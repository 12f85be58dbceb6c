package org.embex.desktop.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.embex.desktop.viewmodel.Job;

/**
 * The line at the bottom: the latest job that still runs, with its progress and a cancel button,
 * or the view model's last words; and facts about the map. A job started earlier that still runs
 * (the neighbour index beside a map) is shown again when the later one ends, so long work never
 * runs out of sight or out of reach of Cancel.
 */
public final class StatusBar extends HBox {

    private static final double MESSAGE_WIDTH = 560;

    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label facts = new Label();
    private final ObservableList<Job<?>> jobs;
    private final ObservableStringValue words;

    /**
     * @param jobs  the jobs that still run, the latest last
     * @param words what to say when none runs
     */
    public StatusBar(ObservableList<Job<?>> jobs, ObservableStringValue words, ObservableStringValue factsText) {
        super(10);
        this.jobs = jobs;
        this.words = words;
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        message.setId("status");
        // A fixed width, so that Cancel stays where the pointer goes while the message grows and shrinks
        // with each progress report (a moving button made a robot's click, and a person's, miss it).
        message.setPrefWidth(MESSAGE_WIDTH);
        message.setMinWidth(MESSAGE_WIDTH);
        message.setMaxWidth(MESSAGE_WIDTH);
        progress.setPrefWidth(180);
        cancel.setId("cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(event -> {
            if (!jobs.isEmpty()) {
                jobs.get(jobs.size() - 1).cancel();
            }
        });
        facts.getStyleClass().add("text-muted");
        facts.textProperty().bind(factsText);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(message, progress, cancel, gap, facts);
        jobs.addListener((ListChangeListener<Job<?>>) change -> showLatest());
        showLatest();
    }

    private void showLatest() {
        boolean running = !jobs.isEmpty();
        progress.setVisible(running);
        cancel.setVisible(running);
        progress.progressProperty().unbind();
        message.textProperty().unbind();
        if (running) {
            Job<?> shown = jobs.get(jobs.size() - 1);
            message.textProperty().bind(shown.messageProperty());
            progress.progressProperty().bind(shown.progressProperty());
        } else {
            message.textProperty().bind(words);
        }
    }

    public String message() {
        return message.getText();
    }

    String facts() {
        return facts.getText();
    }
}
