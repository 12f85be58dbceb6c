package org.embex.model;

import java.nio.file.Path;

import org.embex.BadInputException;

/** Maven coordinates of a jar that carries a model, {@code group:artifact:version}. */
public record MavenArtifact(String groupId, String artifactId, String version) {

    public static MavenArtifact parse(String coordinates) {
        String[] parts = coordinates.split(":");
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new BadInputException("artifact '" + coordinates + "' is not group:artifact:version");
        }
        return new MavenArtifact(parts[0], parts[1], parts[2]);
    }

    /** Where Maven keeps this jar inside a local repository. */
    public Path jarIn(Path localRepository) {
        return localRepository.resolve(jarPath());
    }

    /** The jar's path in a Maven repository's layout, local or remote: {@code group/as/folders/artifact/version/artifact-version.jar}. */
    public String jarPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
