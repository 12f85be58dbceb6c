package org.embex.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.embex.BadInputException;
import org.embex.EmbexException;

/**
 * The models embex knows: every folder with a {@code model.json} under one directory. A model is
 * named by its id, or by the path of a folder of the user's own. An installed package's catalogue
 * is read-only: its models are installed into a folder of the user's ({@link #userFolder}), whose
 * installed models stand in for the catalogue's.
 */
public final class ModelCatalogue {

    private final Path directory;
    private final Optional<Path> userFolder;

    public ModelCatalogue(Path directory) {
        this(directory, Optional.empty());
    }

    /** A catalogue whose models are installed into {@code userFolder} when it is given. */
    public ModelCatalogue(Path directory, Optional<Path> userFolder) {
        this.directory = directory;
        this.userFolder = userFolder;
    }

    /** {@code $XDG_DATA_HOME/embex/models}, else {@code ~/.local/share/embex/models}: where a package's user installs models. */
    public static Path userFolder(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("embex").resolve("models");
    }

    /** Whether models are installed outside the catalogue folder (an installed package). */
    public boolean readOnly() {
        return userFolder.isPresent();
    }

    /**
     * The folder {@code model} is installed into: its own, or when the catalogue is read-only its
     * folder among the user's, which gets a copy of its {@code model.json} now.
     */
    public ModelFolder installTarget(ModelFolder model) {
        if (userFolder.isEmpty() || model.directory().startsWith(userFolder.get())) {
            return model;
        }
        Path target = userFolder.get().resolve(model.id());
        try {
            Files.createDirectories(target);
            Files.copy(model.directory().resolve(ModelFolder.DESCRIPTOR), target.resolve(ModelFolder.DESCRIPTOR),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EmbexException("cannot make " + target + " for model " + model.id() + ": " + e.getMessage(), e);
        }
        return model.withDirectory(target);
    }

    public Path directory() {
        return directory;
    }

    /** Every catalogue model, installed or not, by id. */
    public List<ModelFolder> all() {
        Map<String, ModelFolder> byId = new TreeMap<>();
        list(directory).forEach(model -> byId.put(model.id(), model));
        // A model installed by the user stands in for the catalogue's uninstalled one, and a model of
        // the user's own is listed beside the catalogue's.
        userFolder.ifPresent(folder -> list(folder).stream()
                .filter(model -> model.installed() || !byId.containsKey(model.id()))
                .forEach(model -> byId.put(model.id(), model)));
        return List.copyOf(byId.values());
    }

    private static List<ModelFolder> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve(ModelFolder.DESCRIPTOR)))
                    .map(DescriptorReader::read)
                    .sorted(Comparator.comparing(ModelFolder::id))
                    .toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list models in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The model with this id, or the model folder at this path. */
    public ModelFolder find(String idOrPath) {
        Optional<Path> asPath = path(idOrPath);
        if (asPath.isPresent() && Files.isDirectory(asPath.get()) && Files.isRegularFile(asPath.get().resolve(ModelFolder.DESCRIPTOR))) {
            return DescriptorReader.read(asPath.get());
        }
        List<ModelFolder> models = all();
        return models.stream()
                .filter(model -> model.id().equals(idOrPath))
                .findFirst()
                .orElseThrow(() -> new BadInputException("unknown model '" + idOrPath + "'; " + (Files.isDirectory(directory)
                        ? "known models: " + models.stream().map(ModelFolder::id).collect(Collectors.joining(", "))
                        : "there is no model catalogue at " + directory + " (see --models-dir)")
                        + " (or the path of a folder with model.json, model.onnx and tokenizer.json)"));
    }

    /** Like {@link #find}, and the model's files must be in place. */
    /** The name as a path, or empty when it cannot be one (a NUL byte): then it can only be an id. */
    private static Optional<Path> path(String name) {
        try {
            return Optional.of(Path.of(name));
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    public ModelFolder findInstalled(String idOrPath) {
        ModelFolder model = find(idOrPath);
        if (!model.installed()) {
            List<String> missing = Stream.of(model.modelFile(), model.tokenizerFile())
                    .filter(file -> !Files.isRegularFile(file)).map(file -> file.getFileName().toString()).toList();
            String how = model.descriptor().source().isPresent()
                    ? "install it with: ./embex models install " + model.id()
                    : "put " + String.join(" and ", missing) + " into " + model.directory();
            if (missing.size() == 2) {
                throw new BadInputException("model " + model.id() + " is not installed; " + how);
            }
            // Half a model: a copy that stopped, or a file deleted by hand. Name what is missing.
            throw new BadInputException("model " + model.id() + " in " + model.directory() + " has no " + missing.get(0)
                    + "; " + how);
        }
        return model;
    }
}
