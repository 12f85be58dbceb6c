package org.embex.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.embex.embed.Embedder;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;

/** {@code -m MODEL} and where the catalogue lives, for every command that embeds. */
final class ModelOptions {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "Model id (see 'embex models') or the folder of your own model.")
    String model;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "Model catalogue folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:embex.models:-${env:EMBEX_MODELS:-models}}")
    Path modelsDir;

    ModelCatalogue catalogue() {
        return new ModelCatalogue(modelsDir);
    }

    ModelFolder installed() {
        return catalogue().findInstalled(model);
    }

    Embedder open() {
        return Embedder.open(installed());
    }
}
