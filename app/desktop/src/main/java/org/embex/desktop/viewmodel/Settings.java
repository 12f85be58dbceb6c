package org.embex.desktop.viewmodel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the explorer remembers between starts: the window, the panes, the theme, the model and
 * map method last used, and recent files. Kept in the user's Java preferences under a node that
 * tests replace with their own.
 */
public final class Settings {

    private static final int RECENT = 8;
    private final Preferences node;

    public Settings(Preferences node) {
        this.node = node;
    }

    /** The user's settings, or those under {@code embex.prefs} when that system property names another node. */
    public static Settings user() {
        return new Settings(Preferences.userRoot().node(System.getProperty("embex.prefs", "org/embex/desktop")));
    }

    public double number(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public void setNumber(String key, double value) {
        node.putDouble(key, value);
    }

    public String text(String key, String fallback) {
        return node.get(key, fallback);
    }

    public void setText(String key, String value) {
        node.put(key, value);
    }

    public boolean flag(String key, boolean fallback) {
        return node.getBoolean(key, fallback);
    }

    public void setFlag(String key, boolean value) {
        node.putBoolean(key, value);
    }

    /** Recent files that still exist, newest first. */
    public List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < RECENT; k++) {
            String value = node.get("recent." + k, null);
            if (value != null && Files.exists(Path.of(value))) {
                files.add(Path.of(value));
            }
        }
        return files;
    }

    public void addRecentFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(recentFiles());
        files.remove(absolute);
        files.add(0, absolute);
        for (int k = 0; k < RECENT; k++) {
            if (k < files.size()) {
                node.put("recent." + k, files.get(k).toString());
            } else {
                node.remove("recent." + k);
            }
        }
    }

    /** Writes the settings out now rather than at some later point the JVM picks. */
    public void save() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Losing remembered window sizes is not worth stopping the user for.
        }
    }

    /** Forgets everything (tests start from a clean slate). */
    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("could not clear settings: " + e.getMessage(), e);
        }
    }
}
