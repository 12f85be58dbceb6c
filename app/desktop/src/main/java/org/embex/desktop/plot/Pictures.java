package org.embex.desktop.plot;

import java.util.List;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

import org.embex.desktop.map.MapView;
import org.embex.desktop.ui.Themes;

/** The explorer's views drawn off-screen into images, as the windows show them. Call on the JavaFX thread. */
public final class Pictures {

    private Pictures() {
    }

    /** Lays {@code root} out at the size given, draws the maps in it now, and takes the picture. */
    static WritableImage snapshot(Parent root, int width, int height, List<MapView> maps) {
        if (root instanceof Region region) {
            region.getStyleClass().add("map-picture");
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.stylesheet());
        root.applyCss();
        root.layout();
        for (MapView map : maps) {
            map.fitAll();
            map.redrawIfDirty();
        }
        return scene.snapshot(null);
    }
}
