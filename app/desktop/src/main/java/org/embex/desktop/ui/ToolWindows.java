package org.embex.desktop.ui;

import java.util.function.Supplier;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.embex.desktop.viewmodel.ExplorerViewModel;

/**
 * The explorer's tool windows beside the map, the threshold workbench, the side-by-side comparison
 * of two models, a map made on Spark and the search index's tuning, each opened the first time its view model has something to show.
 */
final class ToolWindows {

    private final ExplorerViewModel model;
    private final Supplier<Window> owner;
    private final Themes themes;
    private ThresholdWindow thresholdWindow;
    private CompareWindow compareWindow;
    private PlacedMapWindow placedMapWindow;
    private TuningWindow tuningWindow;

    ToolWindows(ExplorerViewModel model, Supplier<Window> owner, Themes themes) {
        this.model = model;
        this.owner = owner;
        this.themes = themes;
        model.workbench().studiesProperty().addListener((o, was, now) -> thresholdWindow().show(now));
        model.comparison().shownProperty().addListener((o, was, now) -> compareWindow().show(now));
        model.placedMap().layoutProperty().addListener((o, was, now) -> placedMapWindow().show());
        // A measurement forgotten (another corpus opened) leaves the window as it is until the next one.
        model.tuning().shownProperty().addListener((o, was, now) -> {
            if (now != null) {
                tuningWindow().showIndex(now, model.tuning());
            }
        });
        model.tuning().batchedProperty().addListener((o, was, now) -> {
            if (now != null) {
                tuningWindow().showBatch(now, model.tuning());
            }
        });
        model.tuning().lineupProperty().addListener((o, was, now) -> {
            if (now != null) {
                tuningWindow().showModels(now);
            }
        });
        model.comparison().stsProperty().addListener((o, was, now) -> {
            if (compareWindow != null && now.pair() == compareWindow.shown()) {
                compareWindow.pane().showSts(now.first(), now.second());
            }
        });
    }

    ThresholdWindow thresholdWindow() {
        if (thresholdWindow == null) {
            thresholdWindow = new ThresholdWindow(owner.get(), model, themes);
            closesOnEscape(thresholdWindow.stage());
        }
        return thresholdWindow;
    }

    CompareWindow compareWindow() {
        if (compareWindow == null) {
            compareWindow = new CompareWindow(owner.get(), themes, model.comparison()::scoreSts);
            closesOnEscape(compareWindow.stage());
        }
        return compareWindow;
    }

    TuningWindow tuningWindow() {
        if (tuningWindow == null) {
            tuningWindow = new TuningWindow(owner.get(), model.tuning(), themes);
            closesOnEscape(tuningWindow.stage());
        }
        return tuningWindow;
    }

    PlacedMapWindow placedMapWindow() {
        if (placedMapWindow == null) {
            placedMapWindow = new PlacedMapWindow(owner.get(), model.placedMap(), themes);
            closesOnEscape(placedMapWindow.stage());
        }
        return placedMapWindow;
    }

    /** Escape or Ctrl+W (Cmd+W) closes a tool window, as people close a dialog; the map stays. */
    private static void closesOnEscape(Stage stage) {
        KeyCombination closeKeys = KeyCombination.keyCombination("Shortcut+W");
        stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE || closeKeys.match(event)) {
                stage.close();
                event.consume();
            }
        });
    }

    /** Whether the workbench window shows, without opening it. */
    boolean thresholdShowing() {
        return thresholdWindow != null && thresholdWindow.stage().isShowing();
    }

    boolean compareShowing() {
        return compareWindow != null && compareWindow.stage().isShowing();
    }

    void setDark(boolean dark) {
        if (thresholdWindow != null) {
            thresholdWindow.setDark(dark);
        }
        if (compareWindow != null) {
            compareWindow.setDark(dark);
        }
        if (placedMapWindow != null) {
            Themes.colour(placedMapWindow.map(), dark);
        }
        if (tuningWindow != null) {
            tuningWindow.setDark(dark);
        }
    }
}
