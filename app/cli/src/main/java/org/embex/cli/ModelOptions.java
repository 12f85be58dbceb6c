package org.embex.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.usecase.Workspace;

/** {@code -m MODEL} and where the catalogue lives, for every command that embeds. */
public final class ModelOptions {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "Model id (see 'embex models') or the folder of your own model.")
    public String model;

    @Mixin
    CatalogueOptions catalogue;

    /** A workspace over the catalogue and {@code cache}. */
    public Workspace workspace(CacheOptions cache) {
        return catalogue.workspace(cache);
    }

    /** A workspace for work that needs no cache. */
    public Workspace workspace() {
        return catalogue.workspace();
    }
}
