package org.embex.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

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

    public static String stylesheet() {
        return Themes.class.getResource(STYLESHEET).toExternalForm();
    }
}
