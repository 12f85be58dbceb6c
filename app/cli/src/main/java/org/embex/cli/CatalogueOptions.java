package org.embex.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.embex.usecase.Workspace;

/** {@code --models-dir}: where the model catalogue lives. */
public final class CatalogueOptions {

    @Option(names = "--models-dir", paramLabel = "DIR", description = "Model catalogue folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:embex.models:-${env:EMBEX_MODELS:-models}}")
    Path modelsDir;

    public Path directory() {
        return modelsDir;
    }

    /** A workspace over this catalogue and {@code cache} (opened only if a use case needs vectors from it). */
    public Workspace workspace(CacheOptions cache) {
        return Workspace.open(modelsDir, cache.file());
    }

    /** A workspace for work that needs no cache (the catalogue, one text at a time): the default cache stays untouched. */
    public Workspace workspace() {
        return workspace(new CacheOptions());
    }
}
