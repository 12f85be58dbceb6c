package org.embex.desktop.ui;

import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import org.embex.desktop.map.MapView;
import org.embex.desktop.viewmodel.ExplorerViewModel;
import org.embex.usecase.LayoutMethod;

/** The menu bar, which is also where the keyboard shortcuts live; its items call the view model's actions. */
final class Menus {

    private static final String SHORTCUTS = """
            Ctrl+O   open a corpus          Ctrl+E   export the selection
            Ctrl+F   type a query           Esc      clear selection and neighbours
            Ctrl+0   show all points        Ctrl+= / Ctrl+-   zoom in / out
            Ctrl+1/2/3   PCA / UMAP / t-SNE Ctrl+D   dark theme
            Ctrl+T   threshold workbench    Ctrl+M   compare with another model
            Ctrl+I   tune the search index (recall against time, keep a setting)
            Ctrl+Shift+D   density under the points
            Ctrl+Shift+N   names of the clusters on the map
            Scroll   zoom about the pointer Drag     pan
            Shift-drag   box selection      Alt-drag lasso selection
            Ctrl with a selection adds to it; click a point for its neighbours.""";

    private final ExplorerViewModel model;
    private final MapView map;
    private final Runnable focusQuery;

    /**
     * @param map        the map, which showing all points and zooming act on directly: they change the view, not the state
     * @param focusQuery puts the cursor in the query field
     */
    Menus(ExplorerViewModel model, MapView map, Runnable focusQuery) {
        this.model = model;
        this.map = map;
        this.focusQuery = focusQuery;
    }

    MenuBar bar() {
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(event -> fillRecent(recent));
        recent.getItems().add(new MenuItem("(none)"));
        Menu file = new Menu("File", null,
                item("Open…", "Shortcut+O", model::openWithChooser),
                recent,
                item("Export selection…", "Shortcut+E", model.selection()::export),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", Platform::exit));

        Menu methods = new Menu("Map");
        for (LayoutMethod method : LayoutMethod.values()) {
            methods.getItems().add(item(method.label(), "Shortcut+" + (method.ordinal() + 1),
                    () -> model.methodProperty().set(method)));
        }
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        CheckMenuItem density = new CheckMenuItem("Density under the points");
        density.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        density.selectedProperty().bindBidirectional(model.densityProperty());
        CheckMenuItem names = new CheckMenuItem("Names on the map");
        names.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+N"));
        names.selectedProperty().bindBidirectional(model.labelsShownProperty());
        Menu view = new Menu("View", null,
                item("Show all points", "Shortcut+0", () -> map.fitAll()),
                item("Zoom in", "Shortcut+Equals", () -> map.zoom(1.5)),
                item("Zoom out", "Shortcut+Minus", () -> map.zoom(1 / 1.5)),
                methods,
                new SeparatorMenuItem(),
                names,
                density,
                dark);

        Menu find = new Menu("Find", null,
                item("Query…", "Shortcut+F", focusQuery),
                item("Clear selection", "Esc", model::clearSelection));
        Menu tools = new Menu("Tools", null,
                item("Threshold workbench…", "Shortcut+T", () -> model.workbench().open()),
                item("Compare with another model…", "Shortcut+M", () -> model.comparison().chooseModel()),
                item("Tune the search index…", "Shortcut+I", () -> model.tuning().sweep()),
                item("Tune the batch size…", null, () -> model.tuning().sweepBatches()),
                item("Compare every installed model…", null, () -> model.tuning().measureModels()));
        Menu help = new Menu("Help", null, item("Keyboard shortcuts", "F1", this::showShortcuts));
        return new MenuBar(file, view, find, tools, help);
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path path : model.recentFiles()) {
            recent.getItems().add(item(path.getFileName() + "  —  " + path.getParent(), null,
                    () -> model.chooseColumns(path)));
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("embex");
        alert.setHeaderText("Keyboard and mouse");
        alert.setContentText(SHORTCUTS);
        alert.getDialogPane().setStyle("-fx-font-family: monospace;");
        alert.show();
    }
}
