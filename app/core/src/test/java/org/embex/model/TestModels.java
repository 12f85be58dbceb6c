package org.embex.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's model catalogue, for tests. A model a test needs is installed from the jar that
 * Maven already holds (each is a test dependency), through the same installer users run.
 */
public final class TestModels {

    private TestModels() {
    }

    public static Path projectRoot() {
        String configured = System.getProperty("embex.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("models")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("app"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no embex project root above " + start);
    }

    public static ModelCatalogue catalogue() {
        return new ModelCatalogue(projectRoot().resolve("models"));
    }

    public static synchronized ModelFolder installed(String id) {
        ModelFolder model = catalogue().find(id);
        new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false)).install(model);
        return model;
    }
}
