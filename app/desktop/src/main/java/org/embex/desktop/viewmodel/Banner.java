package org.embex.desktop.viewmodel;

import java.util.Optional;

/**
 * What the map's banner tells about the corpus on screen: rows left out, a model that cannot read
 * the texts; and the installed model that can, offered as a one-click switch.
 */
public record Banner(String text, Optional<String> switchTo) {

    public static final Banner NONE = new Banner("", Optional.empty());

    public boolean shown() {
        return !text.isEmpty();
    }
}
