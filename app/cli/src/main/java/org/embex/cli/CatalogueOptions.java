package org.embex.cli;

import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.embex.usecase.EndpointNotice;
import org.embex.usecase.Workspace;

/** {@code --models-dir}: where the model catalogue lives. */
public final class CatalogueOptions {

    @Option(names = "--models-dir", paramLabel = "DIR", description = "Model catalogue folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:embex.models:-${env:EMBEX_MODELS:-models}}")
    Path modelsDir;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    public Path directory() {
        return modelsDir;
    }

    /** A workspace over this catalogue and {@code cache} (opened only if a use case needs vectors from it). */
    public Workspace workspace(CacheOptions cache) {
        Workspace workspace = Workspace.open(modelsDir, cache.file());
        workspace.whenTextsLeave(folder -> spec.commandLine().getErr().println(EndpointNotice.of(folder)));
        return workspace;
    }

    /** A workspace for work that needs no cache (the catalogue, one text at a time): the default cache stays untouched. */
    public Workspace workspace() {
        return workspace(new CacheOptions());
    }
}
