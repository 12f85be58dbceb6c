package org.embex.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.embed.Embedder;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;

/** {@code -m MODEL} and where the catalogue lives, for every command that embeds. */
public final class ModelOptions {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "Model id (see 'embex models') or the folder of your own model.")
    public String model;

    @Mixin

    CatalogueOptions catalogue;

    public ModelCatalogue catalogue() {
        return catalogue.catalogue();
    }

    public ModelFolder installed() {
        return catalogue().findInstalled(model);
    }

    Embedder open() {
        return Embedder.open(installed());
    }
}
