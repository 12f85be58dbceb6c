package org.embex.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Screen;

import org.embex.desktop.figure.FigureTheme;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.Palette;

/** AtlantaFX's Primer themes, light and dark; embex's own style sheet builds on their colour names. */
public final class Themes {

    public static final String STYLESHEET = "/org/embex/desktop/explorer.css";

    private boolean dark;

    public void apply(boolean useDark) {
        dark = useDark;
        Application.setUserAgentStylesheet(useDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public boolean dark() {
        return dark;
    }

    /** A scene of the preferred size, made smaller to fit the screen it opens on. */
    public static Scene fitted(Parent root, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(width, screen.getWidth() * 0.95), Math.min(height, screen.getHeight() * 0.95));
        scene.getStylesheets().add(stylesheet());
        return scene;
    }

    /** A map's background and the ink of its overlay in the theme, in every window that shows a map. */
    static void colour(MapView map, boolean useDark) {
        FigureTheme theme = FigureTheme.of(useDark);
        map.setColours(theme.background(), Color.web(Palette.css(theme.ink())));
    }

    public static String stylesheet() {
        return Themes.class.getResource(STYLESHEET).toExternalForm();
    }
}
