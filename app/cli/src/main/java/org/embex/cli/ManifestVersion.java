package org.embex.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version Maven wrote into the jar's manifest from the pom, so a package
 * built from a pom says the pom's version; classes run outside a jar (an IDE) say so instead.
 */
final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {"embex " + (version == null ? "(version unknown: not run from a built jar)" : version)};
    }
}
