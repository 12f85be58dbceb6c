package org.embex.usecase;

import java.util.Optional;

import org.embex.embed.EmbedderOptions;
import org.embex.model.ModelFolder;

/**
 * The batch size and the split of the cores a user kept for a model ({@code tune batch --keep}),
 * used whenever the model embeds on this machine from then on. Only fp32 models: a quantized one
 * runs a text at a time (decision 0003), and nothing is kept for it. Kept beside the cache
 * ({@link KeptFile}), by the model's id: a choice about this machine.
 */
public final class KeptEmbedders {

    static final String FILE = "kept-embedders.properties";

    private KeptEmbedders() {
    }

    /** The options {@code model} embeds with: those kept for it, else the defaults. */
    static EmbedderOptions options(Workspace workspace, ModelFolder model) {
        return kept(workspace, model).orElse(EmbedderOptions.defaults());
    }

    /** The options kept for {@code model}, if any (never for a quantized model). */
    public static Optional<EmbedderOptions> kept(Workspace workspace, ModelFolder model) {
        if (model.descriptor().quantized()) {
            return Optional.empty();
        }
        try {
            return file(workspace).get(model.descriptor().id()).map(KeptEmbedders::parse);
        } catch (RuntimeException e) {
            // An entry edited into nonsense: the defaults, as before the keep.
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code options} for {@code model}'s later embeddings (none: the defaults again), from
     * the next time the model is opened.
     *
     * @throws IllegalArgumentException for a quantized model
     */
    public static void keep(Workspace workspace, ModelFolder model, Optional<EmbedderOptions> options) {
        if (model.descriptor().quantized() && options.isPresent()) {
            throw new IllegalArgumentException(model.descriptor().id() + " is quantized: it runs one text at a time (decision 0003), "
                    + "nothing to keep");
        }
        file(workspace).set(model.descriptor().id(), options.map(KeptEmbedders::format));
    }

    /** How a setting is kept and shown: "batch=16 sessions=2 threads=1". */
    public static String format(EmbedderOptions options) {
        return String.format("batch=%d sessions=%d threads=%d", options.batchSize(), options.sessions(), options.threadsPerSession());
    }

    private static EmbedderOptions parse(String text) {
        String[] parts = text.trim().split("\\s+");
        return EmbedderOptions.defaults().withBatchSize(Integer.parseInt(parts[0].substring("batch=".length())))
                .withSessions(Integer.parseInt(parts[1].substring("sessions=".length())))
                .withThreadsPerSession(Integer.parseInt(parts[2].substring("threads=".length())));
    }

    private static KeptFile file(Workspace workspace) {
        return KeptFile.beside(workspace, FILE, "embex: how each model embeds on this machine (tune batch --keep)");
    }
}
