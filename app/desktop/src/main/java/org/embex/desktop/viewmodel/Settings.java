package org.embex.desktop.viewmodel;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the explorer remembers between starts: the window, the panes, the theme, the model and
 * map method last used, and recent files. Kept in one properties file in the user's XDG config
 * folder, written through on every change (a handful of small writes per session), so that a
 * crash loses nothing and a package upgrade, which never touches that folder, keeps it.
 */
public final class Settings {

    private static final int RECENT = 8;
    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /**
     * The settings kept in {@code file}, read now when it exists. A file that cannot be read is
     * moved aside (to {@code NAME.unreadable}), said on stderr, and the explorer starts from its defaults.
     */
    public static Settings in(Path file) {
        Settings settings = new Settings(file);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                settings.values.clear();
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
                System.err.println("embex: could not read the settings in " + file + " (" + e.getMessage()
                        + "); starting from the defaults, the file kept as " + aside);
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException moveFailed) {
                    // It stays where it is, and the next change writes over it: nothing more to save.
                }
            }
        }
        return settings;
    }

    /** The user's settings: {@code $XDG_CONFIG_HOME/embex/settings.properties}, else {@code ~/.config/embex/settings.properties}. */
    public static Settings user() {
        return in(userFile(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    static Path userFile(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        // The XDG base directory specification: a relative path is invalid and to be ignored.
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return config.resolve("embex").resolve("settings.properties");
    }

    public synchronized double number(String key, double fallback) {
        String value = values.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void setNumber(String key, double value) {
        put(key, Double.toString(value));
    }

    public synchronized String text(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public void setText(String key, String value) {
        put(key, value);
    }

    public synchronized boolean flag(String key, boolean fallback) {
        String value = values.getProperty(key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    public void setFlag(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    /** Recent files that still exist, newest first. */
    public synchronized List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < RECENT; k++) {
            String value = values.getProperty("recent." + k);
            if (value != null && Files.exists(Path.of(value))) {
                files.add(Path.of(value));
            }
        }
        return files;
    }

    public synchronized void addRecentFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(recentFiles());
        files.remove(absolute);
        files.add(0, absolute);
        for (int k = 0; k < RECENT; k++) {
            if (k < files.size()) {
                values.setProperty("recent." + k, files.get(k).toString());
            } else {
                values.remove("recent." + k);
            }
        }
        write();
    }

    private synchronized void put(String key, String value) {
        if (!value.equals(values.getProperty(key))) {
            values.setProperty(key, value);
            write();
        }
    }

    /** Writes the file whole, beside it first and then moved over it, so that a crash mid-write leaves the old one. */
    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                values.store(writer, "embex settings");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A read-only home loses remembered window sizes and recent files: not worth stopping anyone for.
        }
    }
}
