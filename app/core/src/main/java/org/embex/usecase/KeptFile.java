package org.embex.usecase;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * A small file of choices a user kept (a search setting per corpus, an embedder's setting per
 * model) beside the cache: choices, not derived data, so not in the cache, whose entries may be
 * cleared or recovered at any time. Written whole to a temporary file and moved over the old one;
 * an unreadable file reads as empty, and the next choice writes it anew.
 */
final class KeptFile {

    private final Path file;
    private final String comment;

    private KeptFile(Path file, String comment) {
        this.file = file;
        this.comment = comment;
    }

    /** The file {@code name} in the cache's folder. */
    static KeptFile beside(Workspace workspace, String name, String comment) {
        return new KeptFile(workspace.cache().file().toAbsolutePath().resolveSibling(name), comment);
    }

    /** Whether anything was ever kept: without the file, a caller need not work out its key. */
    boolean exists() {
        return Files.isRegularFile(file);
    }

    Optional<String> get(String key) {
        return Files.isRegularFile(file) ? Optional.ofNullable(read().getProperty(key)) : Optional.empty();
    }

    /** Keeps {@code value} under {@code key}, or forgets the key when there is none. */
    void set(String key, Optional<String> value) {
        synchronized (KeptFile.class) {
            Properties kept = Files.isRegularFile(file) ? read() : new Properties();
            value.ifPresentOrElse(chosen -> kept.setProperty(key, chosen), () -> kept.remove(key));
            write(kept);
        }
    }

    private Properties read() {
        Properties kept = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            kept.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return new Properties();
        }
        return kept;
    }

    private void write(Properties kept) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                kept.store(out, comment);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the choice in " + file + ": " + e.getMessage(), e);
        }
    }
}
