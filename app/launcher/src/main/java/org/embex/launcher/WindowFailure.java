package org.embex.launcher;

import java.util.Optional;

import org.embex.EmbexException;

/**
 * Why JavaFX could not open a window, in words a user can act on. Glass reports a display it
 * cannot reach and a missing GTK 3 as bare runtime exceptions ("Unable to open DISPLAY", "Unable
 * to load glass GTK library"); both mean the window cannot open here, and {@code plot} still works.
 */
final class WindowFailure {

    static final String WITHOUT_A_SCREEN = "Without a screen, draw the map with './embex plot FILE -m MODEL -o map.png', "
            + "or use any other command: './embex help'.";

    private WindowFailure() {
    }

    /** The explanation of {@code failure} (or of one of its causes), when it is one of glass's. */
    static Optional<EmbexException> explain(Throwable failure, String display) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Unable to open DISPLAY")) {
                return Optional.of(new EmbexException("cannot open a window: no display answers at DISPLAY=" + display
                        + " (is the X server running, and may this user connect to it?). " + WITHOUT_A_SCREEN, failure));
            }
            if (message.contains("GTK") || cause instanceof UnsatisfiedLinkError && message.contains("glass")) {
                return Optional.of(new EmbexException("cannot open a window: JavaFX needs GTK 3, which is not installed "
                        + "(on Debian and Ubuntu: apt-get install libgtk-3-0). " + WITHOUT_A_SCREEN, failure));
            }
        }
        return Optional.empty();
    }
}
