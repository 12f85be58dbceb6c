package org.embex.desktop.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.embex.desktop.OnFxThread.click;
import static org.embex.desktop.OnFxThread.fx;
import static org.embex.desktop.OnFxThread.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.embex.usecase.ThresholdStudy;

/** The workbench on ten scores whose confusion at any threshold can be counted by hand. */
@ExtendWith(ApplicationExtension.class)
class ThresholdPaneTest {

    //                     0.05   0.15   0.25   0.35  0.45   0.55  0.65  0.75  0.85  0.95
    private static final boolean[] POSITIVE = {false, false, false, true, false, true, true, true, true, false};
    private ThresholdPane pane;

    @Start
    void start(Stage stage) {
        double[] scores = new double[10];
        List<String> texts = new ArrayList<>();
        int[] rows = new int[10];
        for (int i = 0; i < 10; i++) {
            scores[i] = 0.05 + 0.1 * i;
            texts.add("text " + i);
            rows[i] = i;
        }
        pane = new ThresholdPane();
        pane.show(ThresholdStudy.of("fixture", "ten scores", scores, POSITIVE, texts, rows, Optional.empty()), List.of());
        stage.setScene(new Scene(pane, 1080, 700));
        stage.show();
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    @Test
    void theSliderMovesTheConfusionMatrix(FxRobot robot) {
        robot.interact(() -> pane.setThreshold(0.5));
        assertThat(List.of(text(robot, "tp"), text(robot, "fn"), text(robot, "fp"), text(robot, "tn")))
                .containsExactly("4", "1", "1", "4");
        assertThat(text(robot, "rates")).contains("TPR 80.0%").contains("FPR 20.0%").contains("accuracy 80.0%");
        ListView<?> accepts = node(robot, "#false-accepts");
        ListView<?> rejects = node(robot, "#false-rejects");
        assertThat(accepts.getItems()).extracting(Object::toString).containsExactly("0.9500  text 9");
        assertThat(rejects.getItems()).extracting(Object::toString).containsExactly("0.3500  text 3");

        robot.interact(() -> pane.setThreshold(0.3));
        assertThat(List.of(text(robot, "tp"), text(robot, "fn"), text(robot, "fp"), text(robot, "tn")))
                .containsExactly("5", "0", "2", "3");
    }

    /** What a reader needs from the histogram: both axes with their words and ticks, the legend, the threshold's value. */
    @Test
    void theHistogramSaysWhatItShows(FxRobot robot) {
        // Drawn at a known size and read at once, on the JavaFX thread: a later pulse lays the chart out at whatever
        // size its window has (run after other windows' tests, that may be small), and the words read are the last drawing's.
        List<List<String>> drawn = new ArrayList<>();
        robot.interact(() -> {
            pane.setThreshold(0.5);
            pane.histogram().resize(680, 300);
            pane.histogram().layout();
            drawn.add(pane.histogram().texts());
        });
        List<String> texts = drawn.get(0);
        assertThat(texts).contains("Scores", "positive (5)", "negative (5)", "both", "% of each class", "score", "threshold 0.500");
        // Ticks along the scores (0.05 to 0.95 here) and up the shares (each bin holds one of five rows: 20%).
        assertThat(texts).contains("0.2", "0.4", "0.6", "0.8", "0%", "20%");
    }

    /** Two models overlaid: the tools say which one they describe, and switch to the other, whose colour stays its own. */
    @Test
    void withTwoModelsTheToolsSayWhichTheyDescribeAndSwitch(FxRobot robot) {
        double[] reversed = new double[10];
        List<String> texts = new ArrayList<>();
        int[] rows = new int[10];
        for (int i = 0; i < 10; i++) {
            reversed[i] = 0.95 - 0.1 * i;
            texts.add("text " + i);
            rows[i] = i;
        }
        ThresholdStudy first = ThresholdStudy.of("fixture", "ten scores", scores(), POSITIVE, texts, rows, Optional.empty());
        ThresholdStudy second = ThresholdStudy.of("other", "ten scores", reversed, POSITIVE, texts, rows, Optional.empty());
        robot.interact(() -> pane.show(first, List.of(second)));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> describing = node(robot, "#threshold-model");
        assertThat(describing.getParent().isVisible()).isTrue();
        assertThat(describing.getValue()).isEqualTo("fixture");
        robot.interact(() -> pane.setThreshold(0.5));
        assertThat(text(robot, "tp")).isEqualTo("4");

        robot.interact(() -> describing.setValue("other"));
        assertThat(pane.study()).isSameAs(second);
        robot.interact(() -> pane.setThreshold(0.5));
        // Reversed scores: of the five positives (rows 3, 5, 6, 7, 8) only row 3 scores 0.65, above 0.5.
        assertThat(text(robot, "tp")).isEqualTo("1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.histogram().texts()).contains("Scores of other");

        robot.interact(() -> pane.show(first, List.of()));
        assertThat(describing.getParent().isVisible()).as("one model: nothing to choose").isFalse();
    }

    private static double[] scores() {
        double[] scores = new double[10];
        for (int i = 0; i < 10; i++) {
            scores[i] = 0.05 + 0.1 * i;
        }
        return scores;
    }

    @Test
    void presetsJumpToTheirOperatingPoints(FxRobot robot) {
        click(robot, "TPR 95%");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.threshold()).isEqualTo(0.35, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(text(robot, "tp")).isEqualTo("5");
        assertThat(pane.activePreset()).contains("TPR 95%");
        // Moved off every preset's point, none shows as pressed.
        robot.interact(() -> pane.setThreshold(0.91));
        assertThat(pane.activePreset()).isEmpty();
        click(robot, "FPR 5%");
        WaitForAsyncUtils.waitForFxEvents();
        // No threshold keeps FPR at 5% but the top one, 0.95 being a negative: above it nothing is accepted.
        assertThat(text(robot, "fp")).isEqualTo("0");
    }
}
