package org.embex.usecase;

import java.util.Optional;

import org.embex.neighbours.SearchSetting;

/**
 * The search setting a user kept for a corpus ({@code tune index --keep}, the window's tuning view),
 * used by every later search of it, from the command line, the window or the server. Kept beside
 * the cache ({@link KeptFile}), keyed like the corpus's index in the cache: content, columns, model.
 */
public final class KeptSearches {

    static final String FILE = "kept-searches.properties";

    private KeptSearches() {
    }

    /** The setting kept for {@code corpus}, if any. */
    public static Optional<SearchSetting> of(Workspace workspace, EmbeddedCorpus corpus) {
        KeptFile file = file(workspace);
        if (!file.exists()) {
            return Optional.empty();
        }
        try {
            return file.get(key(workspace, corpus)).map(SearchSetting::parse);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // An entry edited by hand into nonsense, or a file that cannot be read: the corpus searches
            // by its size, as before the keep; the next keep says what is wrong with the file.
            return Optional.empty();
        }
    }

    /** Keeps {@code setting} for {@code corpus} (none: forgets it) and searches it so from now on. */
    public static void keep(Workspace workspace, EmbeddedCorpus corpus, Optional<SearchSetting> setting) {
        file(workspace).set(key(workspace, corpus), setting.map(SearchSetting::toString));
        corpus.search().use(setting);
    }

    /** Searches {@code corpus} by its size for now, whatever is kept for it: a choice made on one command line. */
    public static void setAside(EmbeddedCorpus corpus) {
        corpus.search().use(Optional.empty());
    }

    /** Gives a corpus just embedded the setting kept for it. */
    static void apply(Workspace workspace, EmbeddedCorpus corpus) {
        corpus.search().use(of(workspace, corpus));
    }

    private static KeptFile file(Workspace workspace) {
        return KeptFile.beside(workspace, FILE, "embex: the search each corpus keeps (tune index --keep)");
    }

    private static String key(Workspace workspace, EmbeddedCorpus corpus) {
        return String.join("|", CorpusHash.of(workspace.cache(), corpus), corpus.spec().describe(), corpus.fingerprint());
    }
}
