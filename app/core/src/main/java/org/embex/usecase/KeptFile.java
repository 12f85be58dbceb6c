package org.embex.usecase;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * A small file of choices a user kept (a search setting per corpus, an embedder's setting per
 * model) beside the cache: choices, not derived data, so not in the cache, whose entries may be
 * cleared or recovered at any time. A change is read, made and written under a lock on a file
 * beside it, so the window and a command keeping at once both land; it is written whole to a
 * temporary file and moved over the old one. A file that cannot be read is an error, never read as
 * empty: the next change would otherwise wipe every other choice.
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
        return Optional.ofNullable(read().getProperty(key));
    }

    /** Keeps {@code value} under {@code key}, or forgets the key when there is none. */
    void set(String key, Optional<String> value) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel lock = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock held = lock.lock()) {
                Properties kept = read();
                value.ifPresentOrElse(chosen -> kept.setProperty(key, chosen), () -> kept.remove(key));
                Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
                try {
                    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                        kept.store(out, comment);
                    }
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the choice in " + file + ": " + e.getMessage(), e);
        }
    }

    /** What is kept: nothing when the file is missing. */
    private Properties read() {
        Properties kept = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            kept.load(in);
        } catch (NoSuchFileException missing) {
            return kept;
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException("could not read the choices kept in " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        return kept;
    }
}
