package org.embex.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.cache.VectorCache;
import org.embex.model.ArtifactResolver;
import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelFolder;
import org.embex.model.ModelInstaller;
import org.embex.model.RemoteMavenRepository;

/**
 * Installing catalogue models from their Maven artifacts: the one step that may use the network.
 * In a checkout Maven fetches a missing jar into the local Maven repository; an installed package
 * has no Maven and fetches it from Maven Central itself, checksum checked (decision record 0022).
 */
public final class ModelShelf {

    private ModelShelf() {
    }

    /**
     * Installs each model named; returns, by model id, whether its files were written now (false:
     * already installed). A model that is not in the catalogue is a bad input before anything is fetched.
     */
    public static Map<ModelFolder, Boolean> install(Workspace workspace, List<String> ids) {
        List<ModelFolder> models = ids.stream().map(workspace::model).toList();
        ModelCatalogue catalogue = workspace.catalogue();
        ModelInstaller installer = new ModelInstaller(catalogue.readOnly() ? packaged() : new LocalMavenRepository(
                LocalMavenRepository.defaultRoot(), true));
        Map<ModelFolder, Boolean> written = new LinkedHashMap<>();
        for (ModelFolder model : models) {
            // Asked before the target is made, so an installed model gets no folder among the user's.
            written.put(model, !model.installed() && installer.install(catalogue.installTarget(model)));
        }
        return written;
    }

    /** A jar already in the local Maven repository is used as it is; any other comes from Maven Central. */
    private static ArtifactResolver packaged() {
        Path localRoot = LocalMavenRepository.defaultRoot();
        LocalMavenRepository local = new LocalMavenRepository(localRoot, false);
        RemoteMavenRepository central = new RemoteMavenRepository(RemoteMavenRepository.CENTRAL,
                VectorCache.defaultFile(System.getenv(), Path.of(System.getProperty("user.home"))).resolveSibling("downloads"));
        return artifact -> Files.isRegularFile(artifact.jarIn(localRoot)) ? local.jar(artifact) : central.jar(artifact);
    }
}
