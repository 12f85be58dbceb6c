package org.embex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.embed.BatchSweep;
import org.embex.embed.EmbedderOptions;
import org.embex.progress.CancellationToken;
import org.embex.usecase.BatchTuning;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.KeptEmbedders;
import org.embex.usecase.Workspace;

/** Sweeps the model's batch size and the split of the cores on a corpus's texts. */
@Command(name = "batch", header = "Texts a second against batch size and sessions × threads for a model, on your corpus's texts.",
        description = {"Texts drawn at random from FILE (their lengths are the corpus's) are embedded by the model alone, once to warm "
                + "up and once timed, at each setting; the cache is not touched. A quantized model runs one text at a time "
                + "(decision 0003): only batch 1 is measured for it, and nothing is kept.",
            "--keep best keeps the fastest setting for the model's later embeddings on this machine."})
final class TuneBatchCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    @Option(names = "--texts", defaultValue = "1000", paramLabel = "N", description = "Texts embedded at each setting (default: ${DEFAULT-VALUE}).")
    private int texts;

    @Option(names = "--seed", defaultValue = Seed.DEFAULT_TEXT, paramLabel = "S", description = "Seed of the texts drawn (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--keep", paramLabel = "best|default",
            description = "After the sweep, keep its fastest setting for the model's later embeddings (best), or go back to the defaults "
                    + "(default, no sweep).")
    private String keep;

    @Override
    public void run() {
        if (texts < 1) {
            throw new BadInputException("--texts is at least 1, was " + texts);
        }
        if (keep != null && !keep.equals("best") && !keep.equals("default")) {
            throw new BadInputException("--keep takes best or default, not '" + keep + "'");
        }
        try (Workspace workspace = model.workspace(cache)) {
            if ("default".equals(keep)) {
                KeptEmbedders.keep(workspace, workspace.installed(model.model), Optional.empty());
                output.out().println(model.model + " embeds with the defaults again: " + KeptEmbedders.format(EmbedderOptions.defaults()));
                return;
            }
            EmbeddedCorpus corpus = FileEmbedding.of(workspace, columns.spec(file), model.model, output);
            ProgressBar progress = output.progress("sweeping batch sizes");
            BatchSweep sweep = BatchTuning.sweep(workspace, corpus, texts, seed, progress, CancellationToken.none());
            progress.finish();
            boolean kept = false;
            if ("best".equals(keep)) {
                BatchTuning.keepFastest(workspace, sweep);
                kept = true;
            }
            report(sweep, kept);
        }
    }

    private void report(BatchSweep sweep, boolean kept) {
        if (output.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", sweep.model());
            result.put("quantized", sweep.quantized());
            result.put("texts", sweep.texts());
            List<Map<String, Object>> settings = new ArrayList<>();
            for (BatchSweep.Measured measured : sweep.settings()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("batch", measured.options().batchSize());
                entry.put("sessions", measured.options().sessions());
                entry.put("threads", measured.options().threadsPerSession());
                entry.put("texts_per_second", measured.textsPerSecond());
                settings.add(entry);
            }
            result.put("settings", settings);
            result.put("best", KeptEmbedders.format(sweep.best().options()));
            result.put("kept", kept ? KeptEmbedders.format(sweep.best().options()) : null);
            output.printJson(result);
            return;
        }
        output.out().printf("%s on %,d texts%s:%n", sweep.model(), sweep.texts(), sweep.quantized() ? " (quantized: one text a run)" : "");
        BatchSweep.Measured best = sweep.best();
        for (BatchSweep.Measured measured : sweep.settings()) {
            output.out().printf("%s %-36s %8.1f texts/s%n", measured == best ? "*" : " ", measured.label(), measured.textsPerSecond());
        }
        if (kept) {
            output.out().println("kept: " + best.label() + " for " + sweep.model() + "'s later embeddings");
        }
    }
}
