package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.embex.cache.CacheStats;
import org.embex.usecase.CacheUpkeep;
import org.embex.usecase.Workspace;

/** Looks after the vector cache. */
@Command(name = "cache", header = "Show, prune or compact the vector cache.",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Prune.class, CacheCommand.Vacuum.class})
final class CacheCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Map<String, Object> json(CacheStats stats) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cache", stats.file().toString());
        result.put("bytes", stats.bytes());
        result.put("vectors", stats.vectors());
        result.put("bytes_per_vector", stats.vectors() == 0 ? 0 : (double) stats.bytes() / stats.vectors());
        result.put("corpora", stats.corpora());
        result.put("models", stats.models().stream().map(model -> Map.of(
                "model", model.modelId(),
                "fingerprint", model.fingerprint(),
                "dims", model.dims(),
                "vectors", model.vectors())).toList());
        return result;
    }

    static void print(OutputOptions output, CacheStats stats) {
        if (output.json) {
            output.printJson(json(stats));
            return;
        }
        output.out().printf("%s: %.1f MB, %d vectors, %d corpora%n", stats.file(), stats.bytes() / 1e6, stats.vectors(),
                stats.corpora());
        for (CacheStats.ModelVectors model : stats.models()) {
            output.out().printf("  %-22s %s  %4d dims  %,d vectors%n", model.modelId(), model.fingerprint().substring(0, 12),
                    model.dims(), model.vectors());
        }
    }

    @Command(name = "stats", header = "What the cache holds.")
    static final class Stats implements Runnable {
        @Mixin
        private CacheOptions cache;
        @Mixin
        private OutputOptions output;

        @Override
        public void run() {
            print(output, CacheUpkeep.stats(cache.file()));
        }
    }

    @Command(name = "prune", header = "Delete vectors of models that are no longer installed as they were.",
            description = "Keeps the vectors of every installed catalogue model (by fingerprint: a changed model file "
                    + "counts as a new model) and of the models named with --keep.")
    static final class Prune implements Runnable {
        @Mixin
        private CacheOptions cache;
        @Mixin
        private OutputOptions output;

        @Mixin

        private CatalogueOptions catalogue;

        @Option(names = "--keep", paramLabel = "MODEL_DIR", description = "Also keep this model folder's vectors.")
        private List<Path> keep = List.of();

        @Override
        public void run() {
            try (Workspace workspace = catalogue.workspace(cache)) {
                CacheUpkeep.Pruned pruned = CacheUpkeep.prune(workspace, keep);
                if (output.json) {
                    Map<String, Object> result = json(pruned.after());
                    result.put("deleted", pruned.deleted());
                    output.printJson(result);
                } else {
                    output.out().printf("deleted %,d vectors%n", pruned.deleted());
                    print(output, pruned.after());
                }
            }
        }
    }

    @Command(name = "vacuum", header = "Give the space of deleted vectors back to the disk.")
    static final class Vacuum implements Runnable {
        @Mixin
        private CacheOptions cache;
        @Mixin
        private OutputOptions output;

        @Override
        public void run() {
            print(output, CacheUpkeep.vacuum(cache.file()));
        }
    }
}
