package org.embex.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.embex.EmbexException;

/**
 * Jars in the local Maven repository. When one is missing and fetching is allowed, Maven itself
 * fetches it ({@code mvn dependency:get}): that happens only on an explicit install, never while
 * embedding.
 */
public final class LocalMavenRepository implements ArtifactResolver {

    private final Path root;
    private final boolean fetchMissing;

    public LocalMavenRepository(Path root, boolean fetchMissing) {
        this.root = root;
        this.fetchMissing = fetchMissing;
    }

    /** The repository Maven uses here: {@code maven.repo.local} if set, else {@code ~/.m2/repository}. */
    public static Path defaultRoot() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    @Override
    public Path jar(MavenArtifact artifact) {
        Path jar = artifact.jarIn(root);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        if (!fetchMissing) {
            throw new EmbexException(artifact + " is not in the local Maven repository " + root);
        }
        fetch(artifact);
        if (!Files.isRegularFile(jar)) {
            throw new EmbexException("Maven reported success but " + jar + " is missing");
        }
        return jar;
    }

    private void fetch(MavenArtifact artifact) {
        List<String> command = List.of("mvn", "-B", "-q", "dependency:get", "-Dtransitive=false",
                "-Dmaven.repo.local=" + root, "-Dartifact=" + artifact);
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new EmbexException("Maven could not fetch " + artifact + " (ran: " + String.join(" ", command) + ")");
            }
        } catch (IOException e) {
            throw new EmbexException("cannot run Maven to fetch " + artifact + ": " + e.getMessage()
                    + " (is mvn on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbexException("interrupted while fetching " + artifact, e);
        }
    }
}
