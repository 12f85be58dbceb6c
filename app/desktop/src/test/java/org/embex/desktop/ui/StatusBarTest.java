package org.embex.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    private StatusBar status;

    @Start
    void start(Stage window) {
        status = new StatusBar();
        window.setScene(new Scene(status, 800, 40));
        window.show();
    }

    /** A job that says {@code words} and runs until {@code release} opens. */
    private static Job<Void> waiting(String words, CountDownLatch release) {
        Job<Void> job = new Job<>(words, "steps", self -> {
            self.say(words);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        Thread thread = new Thread(job);
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    @Test
    void aJobStillRunningIsFollowedAgainWhenTheLaterOneEnds() throws TimeoutException {
        CountDownLatch indexDone = new CountDownLatch(1);
        CountDownLatch mapDone = new CountDownLatch(1);
        Job<Void> index = waiting("Indexing", indexDone);
        WaitForAsyncUtils.asyncFx(() -> status.follow(index));
        Job<Void> map = waiting("Mapping", mapDone);
        WaitForAsyncUtils.asyncFx(() -> status.follow(map));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Mapping".equals(status.message()));

        mapDone.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Indexing".equals(status.message()));
        assertThat(status.lookup("#cancel").isVisible()).isTrue();

        indexDone.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !status.lookup("#cancel").isVisible());
    }
}
