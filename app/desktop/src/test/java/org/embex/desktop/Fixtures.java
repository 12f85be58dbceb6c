package org.embex.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.embex.desktop.viewmodel.Settings;
import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelInstaller;

/** The real parts desktop tests run on: the project's models, its samples, and a cache of their own. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String root = System.getProperty("embex.root");
        return Path.of(root == null ? "../.." : root).toAbsolutePath().normalize();
    }

    /** The catalogue, with the two default models installed from the jars Maven holds for these tests. */
    public static Path models() {
        Path dir = root().resolve("models");
        ModelCatalogue catalogue = new ModelCatalogue(dir);
        ModelInstaller installer = new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false));
        installer.install(catalogue.find("all-minilm-l6-v2"));
        installer.install(catalogue.find("bge-small-zh-v1.5"));
        return dir;
    }

    public static Path sample(String language) {
        return root().resolve("samples").resolve("telecom-support-" + language + ".csv");
    }

    public static Path newCache() {
        try {
            return Files.createTempDirectory("embex-desktop-test").resolve("vectors.sqlite");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of their own, in a new empty folder: a test starts from the defaults and leaves the user's alone. */
    public static Settings newSettings() {
        try {
            return Settings.in(Files.createTempDirectory("embex-desktop-settings").resolve("settings.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where tests leave pictures of what they saw, for a person to look at. */
    public static Path screenshots() {
        Path dir = Path.of("target", "screenshots").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
