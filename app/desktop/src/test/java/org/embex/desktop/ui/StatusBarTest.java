package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.click;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.embex.desktop.viewmodel.Job;

/** The status line over a list of running jobs: the latest speaks, an earlier one speaks again when it ends, Cancel reaches it. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    private final ObservableList<Job<?>> jobs = FXCollections.observableArrayList();
    private final StringProperty words = new SimpleStringProperty("Ready");
    private StatusBar status;

    @Start
    void start(Stage window) {
        status = new StatusBar(jobs, words, new SimpleStringProperty("402 texts"));
        window.setScene(new Scene(status, 800, 40));
        window.show();
    }

    /** A job that says {@code said}; it is never run, so it stays running until cancelled. */
    private static Job<Void> saying(String said) {
        Job<Void> job = new Job<>(said, "steps", self -> null, Platform::runLater);
        job.say(said);
        return job;
    }

    @Test
    void theLatestJobSpeaksAndAnEarlierOneSpeaksAgainWhenItEnds(FxRobot robot) throws TimeoutException {
        assertThat(status.message()).isEqualTo("Ready");
        assertThat(status.lookup("#cancel").isVisible()).isFalse();
        Job<Void> index = saying("Indexing");
        Job<Void> map = saying("Mapping");
        WaitForAsyncUtils.asyncFx(() -> jobs.addAll(index, map));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Mapping".equals(status.message()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.lookup("#cancel").isVisible()).isTrue();

        click(robot, "#cancel");
        assertThat(map.state()).isEqualTo(Job.State.CANCELLED);
        assertThat(index.state()).isEqualTo(Job.State.RUNNING);
        WaitForAsyncUtils.asyncFx(() -> jobs.remove(map));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Indexing".equals(status.message()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.lookup("#cancel").isVisible()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> {
            jobs.clear();
            words.set("UMAP map of 402 points");
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "UMAP map of 402 points".equals(status.message()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.lookup("#cancel").isVisible()).isFalse();
        assertThat(status.facts()).isEqualTo("402 texts");
    }
}
