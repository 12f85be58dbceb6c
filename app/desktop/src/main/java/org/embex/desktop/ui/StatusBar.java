package org.embex.desktop.ui;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the bottom: what runs now, its progress and a cancel button, and facts about the map. */
public final class StatusBar extends HBox {

    private static final double MESSAGE_WIDTH = 560;

    private final Label message = new Label("Ready");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label facts = new Label();
    private Job<?> job;
    /** Jobs followed before the current one that still run, the latest first. */
    private final Deque<Job<?>> waiting = new ArrayDeque<>();

    public StatusBar() {
        super(10);
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
        progress.setVisible(false);
        cancel.setId("cancel");
        cancel.setVisible(false);
        cancel.getStyleClass().add("small");
        cancel.setOnAction(event -> {
            if (job != null) {
                job.cancel();
            }
        });
        facts.getStyleClass().add("text-muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(message, progress, cancel, gap, facts);
    }

    /**
     * Follows {@code next} until it ends; its last words stay in the message. A job it followed
     * before that still runs (the neighbour index beside a map) is followed again when this one
     * ends, so long work never runs out of sight or out of reach of Cancel.
     */
    public void follow(Job<?> next) {
        if (job != null && !job.isDone()) {
            waiting.push(job);
        }
        next.stateProperty().addListener((observable, was, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                waiting.remove(next);
                if (job == next) {
                    Job<?> resumed = waiting.poll();
                    if (resumed != null) {
                        show(resumed);
                    } else {
                        message.textProperty().unbind();
                        progress.progressProperty().unbind();
                        progress.setVisible(false);
                        cancel.setVisible(false);
                        job = null;
                    }
                }
            }
        });
        show(next);
    }

    private void show(Job<?> shown) {
        job = shown;
        message.textProperty().bind(shown.messageProperty());
        progress.progressProperty().bind(shown.progressProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
    }

    /** Shows {@code text} unless a job is running and speaking for itself. */
    public void say(String text) {
        if (job == null || job.isDone()) {
            message.textProperty().unbind();
            message.setText(text);
        }
    }

    public String message() {
        return message.getText();
    }

    String facts() {
        return facts.getText();
    }

    public void facts(String text) {
        facts.setText(text);
    }
}
