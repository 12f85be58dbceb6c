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

import org.embex.cache.CacheCheck;
import org.embex.cache.CacheStats;
import org.embex.cache.Recovery;
import org.embex.usecase.CacheUpkeep;
import org.embex.usecase.Workspace;

/** Looks after the vector cache. */
@Command(name = "cache", header = "Show, check, prune, compact or recover the vector cache.",
        description = "None of these creates a cache: a path without one is a bad input (exit 2). A damaged cache exits 1 "
                + "and names the 'cache recover' command that copies its good rows into a new file.",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Check.class, CacheCommand.Prune.class, CacheCommand.Vacuum.class,
            CacheCommand.Recover.class})
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

    private static String counted(long count, String noun) {
        return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    @Command(name = "stats", header = "What the cache holds (after SQLite's quick check).")
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

    @Command(name = "check", header = "SQLite's full integrity check of the cache, and the rows of each table.",
            description = "Exits 1 when the cache is damaged, after the report.")
    static final class Check implements Runnable {
        @Mixin
        private CacheOptions cache;
        @Mixin
        private OutputOptions output;

        @Override
        public void run() {
            CacheCheck check = CacheUpkeep.check(cache.file());
            if (output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("cache", check.file().toString());
                result.put("sound", check.sound());
                result.put("problems", check.problems());
                Map<String, Object> rows = new LinkedHashMap<>();
                check.tables().forEach(table -> rows.put(table.table(),
                        table.rows().isPresent() ? table.rows().getAsLong() : null));
                result.put("rows", rows);
                output.printJson(result);
            } else {
                output.out().printf("%s: %s%n", check.file(), check.sound() ? "sound (SQLite's integrity check found no problems)"
                        : "damaged (SQLite's integrity check found " + counted(check.problems().size(), "problem") + ")");
                check.problems().forEach(problem -> output.out().printf("  ! %s%n", problem));
                check.tables().forEach(table -> output.out().printf("  %-8s %12s%n", table.table(),
                        table.rows().isPresent() ? String.format("%,d", table.rows().getAsLong()) : "unreadable"));
            }
            if (!check.sound()) {
                throw check.damage();
            }
        }
    }

    @Command(name = "recover", header = "Copy the good rows of a damaged cache into a new cache file.",
            description = {"Reads the cache given by --cache without writing to it, and copies every model, vector, layout "
                    + "and neighbour graph SQLite can still read into --to, a new file. Rows on damaged pages are lost; embex "
                    + "computes those vectors again when next needed.",
                "Then use the copy with --cache, or, with no embex running, put it in the damaged cache's place: "
                    + "rm -f OLD-wal OLD-shm && mv NEW OLD."})
    static final class Recover implements Runnable {
        @Mixin
        private CacheOptions cache;
        @Mixin
        private OutputOptions output;

        @Option(names = "--to", required = true, paramLabel = "NEW", description = "The new cache file; it must not exist.")
        private Path to;

        @Override
        public void run() {
            Recovery recovery = CacheUpkeep.recover(cache.file(), to);
            if (output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("cache", recovery.from().toString());
                result.put("to", recovery.to().toString());
                result.put("models", recovery.models());
                result.put("vectors", recovery.vectors());
                result.put("listed", recovery.listed().isPresent() ? recovery.listed().getAsLong() : null);
                result.put("layouts", recovery.layouts());
                result.put("graphs", recovery.graphs());
                output.printJson(result);
                return;
            }
            String of = recovery.listed().isPresent()
                    ? String.format(" of the %,d the damaged cache lists", recovery.listed().getAsLong()) : "";
            output.out().printf("recovered %,d vectors%s (%s, %s, %s) into %s%n", recovery.vectors(), of,
                    counted(recovery.models(), "model"), counted(recovery.layouts(), "layout"),
                    counted(recovery.graphs(), "neighbour graph"), recovery.to());
            output.out().printf("use it with --cache %s, or, with no embex running, put it in the damaged cache's place: "
                    + "rm -f %2$s-wal %2$s-shm && mv %1$s %2$s%n", recovery.to(), recovery.from());
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
