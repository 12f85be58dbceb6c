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

import org.embex.neighbours.SearchSetting;

/**
 * The search setting a user kept for a corpus ({@code tune index --keep}, the window's tuning view),
 * used by every later search of it, from the command line, the window or the server. Kept beside
 * the cache in {@value #FILE}, keyed like the corpus's index in the cache (content, columns, model):
 * a choice, not something derived, so it is not in the cache, whose entries may be cleared or
 * recovered at any time. Written whole to a temporary file and moved over the old one.
 */
public final class KeptSearches {

    static final String FILE = "kept-searches.properties";

    private KeptSearches() {
    }

    /** The setting kept for {@code corpus}, if any. */
    public static Optional<SearchSetting> of(Workspace workspace, EmbeddedCorpus corpus) {
        Path file = file(workspace);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String value = read(file).getProperty(key(workspace, corpus));
        try {
            return Optional.ofNullable(value).map(SearchSetting::parse);
        } catch (IllegalArgumentException e) {
            // An entry edited by hand into nonsense: the corpus searches by its size, as before the keep.
            return Optional.empty();
        }
    }

    /** Keeps {@code setting} for {@code corpus} (none: forgets it) and searches it so from now on. */
    public static void keep(Workspace workspace, EmbeddedCorpus corpus, Optional<SearchSetting> setting) {
        Path file = file(workspace);
        synchronized (KeptSearches.class) {
            Properties kept = Files.isRegularFile(file) ? read(file) : new Properties();
            String key = key(workspace, corpus);
            setting.ifPresentOrElse(chosen -> kept.setProperty(key, chosen.toString()), () -> kept.remove(key));
            write(kept, file);
        }
        corpus.search().use(setting);
    }

    /** Gives a corpus just embedded the setting kept for it. */
    static void apply(Workspace workspace, EmbeddedCorpus corpus) {
        corpus.search().use(of(workspace, corpus));
    }

    private static Path file(Workspace workspace) {
        return workspace.cache().file().toAbsolutePath().resolveSibling(FILE);
    }

    private static String key(Workspace workspace, EmbeddedCorpus corpus) {
        return String.join("|", CorpusHash.of(workspace.cache(), corpus), corpus.spec().describe(), corpus.fingerprint());
    }

    private static Properties read(Path file) {
        Properties kept = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            kept.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable: nothing kept; the next keep writes the file anew.
            return new Properties();
        }
        return kept;
    }

    private static void write(Properties kept, Path file) {
        Path partial = file.resolveSibling(FILE + ".partial");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                kept.store(out, "embex: the search each corpus keeps (tune index --keep)");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the search setting in " + file + ": " + e.getMessage(), e);
        }
    }
}
