package org.embex.bench;

/** Where the harness says what it is doing: stderr, so that stdout holds only the figures. */
final class Progress {

    private Progress() {
    }

    static void say(String message) {
        System.err.println("bench: " + message);
    }
}
