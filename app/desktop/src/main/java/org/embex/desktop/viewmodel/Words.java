package org.embex.desktop.viewmodel;

/** How the window shortens a text to fit a heading, a tooltip or a legend title. */
final class Words {

    private Words() {
    }

    static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
