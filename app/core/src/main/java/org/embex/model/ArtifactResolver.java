package org.embex.model;

import java.nio.file.Path;

/** Finds the jar of a Maven artifact on this machine. */
@FunctionalInterface
public interface ArtifactResolver {

    Path jar(MavenArtifact artifact);
}
