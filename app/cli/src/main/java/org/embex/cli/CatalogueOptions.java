package org.embex.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.embex.model.ModelCatalogue;

/** {@code --models-dir}: where the model catalogue lives, for every command that looks a model up. */
public final class CatalogueOptions {

    @Option(names = "--models-dir", paramLabel = "DIR", description = "Model catalogue folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:embex.models:-${env:EMBEX_MODELS:-models}}")
    Path modelsDir;

    public ModelCatalogue catalogue() {
        return new ModelCatalogue(modelsDir);
    }
}
