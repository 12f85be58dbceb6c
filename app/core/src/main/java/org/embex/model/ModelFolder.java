package org.embex.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model's folder: its descriptor {@code model.json}, and once installed {@code model.onnx} and
 * {@code tokenizer.json}. Catalogue models and a user's own model are laid out the same way.
 */
public record ModelFolder(ModelDescriptor descriptor, Path directory) {

    public static final String DESCRIPTOR = "model.json";
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    public String id() {
        return descriptor.id();
    }

    public Path modelFile() {
        return directory.resolve(MODEL_FILE);
    }

    public Path tokenizerFile() {
        return directory.resolve(TOKENIZER_FILE);
    }

    /** Whether the model can run: its files are in place, or it runs at an endpoint and needs none. */
    public boolean installed() {
        return descriptor.remote() || Files.isRegularFile(modelFile()) && Files.isRegularFile(tokenizerFile());
    }

    public ModelFolder withDirectory(Path other) {
        return new ModelFolder(descriptor, other);
    }

    public ModelFolder withDescriptor(ModelDescriptor other) {
        return new ModelFolder(other, directory);
    }
}
