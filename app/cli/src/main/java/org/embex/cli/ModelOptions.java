package org.embex.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.embex.usecase.OwnVectors;
import org.embex.usecase.Workspace;

/** {@code -m MODEL} and where the catalogue lives, for every command that embeds. */
public final class ModelOptions {

    /** The model as the use cases take it: {@code -m}, with {@code --normalize} folded in for vectors from a file. */
    public String model;

    private String given;
    private boolean normalize;

    @Mixin
    CatalogueOptions catalogue;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "Model id (see 'embex models') or the folder of your own model; or vectors from a file: "
                    + "file:COLUMN (a vector column of FILE), file:PATH (a .npy or TensorBoard vectors.tsv aligned by row "
                    + "with FILE), file: (FILE's only vector column).")
    void model(String reference) {
        given = reference;
        model = resolved();
    }

    @Option(names = "--normalize",
            description = "Scale vectors from a file (-m file:...) to unit length before anything is computed from them.")
    void normalize(boolean scale) {
        normalize = scale;
        model = resolved();
    }

    private String resolved() {
        if (!normalize || given == null) {
            return given;
        }
        if (!OwnVectors.fromFile(given)) {
            throw new ParameterException(command.commandLine(), "--normalize is for vectors from a file (-m file:...); " + given
                    + "'s vectors are unit length already");
        }
        return OwnVectors.normalised(given);
    }

    /** A workspace over the catalogue and {@code cache}. */
    public Workspace workspace(CacheOptions cache) {
        return catalogue.workspace(cache);
    }

    /** A workspace for work that needs no cache. */
    public Workspace workspace() {
        return catalogue.workspace();
    }
}
