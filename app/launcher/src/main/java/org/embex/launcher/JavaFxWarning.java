package org.embex.launcher;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JavaFX warns at start that it was loaded from the classpath, which is how embex runs on purpose
 * (DESIGN.md). The face that starts JavaFX (the window) quiets it first; the other
 * commands leave java.util.logging alone, whose start scans every jar on the classpath for
 * services (about 50 ms of each command).
 */
final class JavaFxWarning {

    /** Held here so the quieter level outlives garbage collection. */
    private static Logger javafx;

    private JavaFxWarning() {
    }

    static synchronized void quiet() {
        if (javafx == null) {
            javafx = Logger.getLogger("javafx");
            javafx.setLevel(Level.SEVERE);
        }
    }
}
