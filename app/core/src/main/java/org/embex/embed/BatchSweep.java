package org.embex.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * Texts a second against the batch size and the way the cores are spent (sessions × threads each),
 * for one model on texts of the user's corpus: what {@code embed} will reach on this machine. Each
 * setting opens the model afresh, embeds a warm-up share, then the texts, timed; the vectors are
 * thrown away (the cache is not touched). A quantized model runs one text at a time whatever the
 * batch (decision 0003), so only batch 1 is measured for it.
 */
public record BatchSweep(String model, boolean quantized, int texts, List<Measured> settings) {

    /** One setting and its rate. */
    public record Measured(EmbedderOptions options, double textsPerSecond) {

        /** "batch 16, 2 sessions × 1 thread". */
        public String label() {
            return String.format("batch %d, %d session%s × %d thread%s", options.batchSize(), options.sessions(),
                    options.sessions() == 1 ? "" : "s", options.threadsPerSession(), options.threadsPerSession() == 1 ? "" : "s");
        }
    }

    /** The batch sizes and the splits of the cores a sweep tries. */
    public record Plan(List<Integer> batchSizes, List<int[]> sessionsAndThreads) {

        /** 1 to 64 texts a run; every way to spend the cores in whole sessions of equal threads. */
        public static Plan defaults() {
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            List<int[]> splits = new ArrayList<>();
            for (int sessions = 1; sessions <= cores; sessions++) {
                if (cores % sessions == 0) {
                    splits.add(new int[] {sessions, cores / sessions});
                }
            }
            return new Plan(List.of(1, 4, 8, 16, 32, 64), splits);
        }
    }

    public BatchSweep {
        settings = List.copyOf(settings);
    }

    /** The fastest setting. */
    public Measured best() {
        return settings.stream().max(Comparator.comparingDouble(Measured::textsPerSecond)).orElseThrow();
    }

    public static BatchSweep run(ModelFolder model, List<String> texts, Plan plan, ProgressListener listener, CancellationToken cancel) {
        boolean quantized = model.descriptor().quantized();
        List<Integer> sizes = quantized ? List.of(1) : plan.batchSizes();
        List<Measured> measured = new ArrayList<>();
        int total = sizes.size() * plan.sessionsAndThreads().size();
        List<String> warmUp = texts.subList(0, Math.min(texts.size(), 64));
        for (int[] split : plan.sessionsAndThreads()) {
            for (int size : sizes) {
                cancel.check();
                EmbedderOptions options = EmbedderOptions.defaults().withBatchSize(size).withSessions(split[0]).withThreadsPerSession(split[1]);
                try (Embedder embedder = Embedder.open(model, options)) {
                    embedder.embed(warmUp, Role.TEXT, ProgressListener.NONE);
                    long started = System.nanoTime();
                    embedder.embed(texts, Role.TEXT, (done, all) -> cancel.check());
                    measured.add(new Measured(options, texts.size() / ((System.nanoTime() - started) / 1e9)));
                }
                listener.progress(measured.size(), total);
            }
        }
        return new BatchSweep(model.descriptor().id(), quantized, texts.size(), measured);
    }
}
