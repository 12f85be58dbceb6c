package org.embex.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.embex.usecase.Workspace;

/** {@code --cache}: where vectors are kept between runs. */
public final class CacheOptions {

    @Option(names = "--cache", paramLabel = "PATH",
            description = "Vector cache file (default: $EMBEX_CACHE, else $XDG_CACHE_HOME/embex/vectors.sqlite, "
                    + "else ~/.cache/embex/vectors.sqlite).")
    Path cache;

    public Path file() {
        if (cache != null) {
            return cache;
        }
        return Workspace.defaultCacheFile();
    }
}
