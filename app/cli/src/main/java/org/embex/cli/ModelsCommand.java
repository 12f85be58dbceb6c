package org.embex.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.embex.model.Endpoint;
import org.embex.model.ModelFolder;
import org.embex.usecase.ModelShelf;
import org.embex.usecase.Workspace;

/** Lists the catalogue, and installs models into it. */
@Command(name = "models", header = "List the model catalogue and what is installed.",
        subcommands = ModelsCommand.Install.class)
final class ModelsCommand implements Runnable {

    @Mixin
    private OutputOptions output;

    @Mixin

    private CatalogueOptions catalogue;

    @Override
    public void run() {
        List<ModelFolder> models;
        try (Workspace workspace = catalogue.workspace()) {
            models = workspace.models();
        }
        if (output.json) {
            output.printJson(Map.of("models", models.stream().map(ModelsCommand::row).toList()));
            return;
        }
        output.out().printf("%-22s %5s %-8s %10s %-8s %-9s %-9s %s%n", "id", "dims", "pooling", "max_tokens", "language",
                "quantized", "installed", "runs at");
        for (ModelFolder model : models) {
            var d = model.descriptor();
            // An endpoint pools and cuts texts itself: what its model.json may say of that is not embex's to show.
            output.out().printf("%-22s %5d %-8s %10s %-8s %-9s %-9s %s%n", d.id(), d.dims(), d.remote() ? "-" : d.pooling().label(),
                    d.remote() ? "-" : String.valueOf(d.maxTokens()), d.language(), d.quantized() ? "yes" : "no",
                    model.installed() ? "yes" : "no", d.endpoint().map(Endpoint::origin).orElse("this machine"));
        }
    }

    private static Map<String, Object> row(ModelFolder model) {
        var d = model.descriptor();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id());
        row.put("dims", d.dims());
        row.put("pooling", d.remote() ? null : d.pooling().label());
        row.put("max_tokens", d.remote() ? null : d.maxTokens());
        row.put("language", d.language());
        row.put("quantized", d.quantized());
        row.put("installed", model.installed());
        row.put("description", d.description());
        d.endpoint().ifPresent(endpoint -> {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("url", endpoint.baseUrl().toString());
            where.put("model", endpoint.remoteModel());
            where.put("api_key_env", endpoint.apiKeyEnv().orElse(null));
            where.put("batch", endpoint.batch());
            where.put("parallel", endpoint.parallel());
            row.put("endpoint", where);
        });
        return row;
    }

    @Command(name = "install", header = "Install catalogue models from their Maven artifacts.",
            description = "Fetches each model's artifact with Maven if it is not in the local Maven repository, "
                    + "then unpacks model.onnx and tokenizer.json into the model's folder.")
    static final class Install implements Runnable {

        @Mixin
        private OutputOptions output;

        @Mixin

        private CatalogueOptions catalogue;

        @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Model ids.")
        private List<String> ids;

        @Override
        public void run() {
            Map<String, Object> result = new LinkedHashMap<>();
            try (Workspace workspace = catalogue.workspace()) {
                ModelShelf.install(workspace, ids).forEach((model, written) -> {
                    result.put(model.id(), written ? "installed" : "already installed");
                    if (!output.json) {
                        output.out().println(model.id() + ": " + (written ? "installed in " + model.directory() : "already installed"));
                    }
                });
            }
            if (output.json) {
                output.printJson(Map.of("models", result));
            }
        }
    }
}
