package org.embex.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.embex.EmbexException;
import org.embex.embed.EmbedderOptions;
import org.embex.embed.TextTokenizer;
import org.embex.embed.TokenizedText;
import org.embex.model.ModelFolder;
import org.embex.model.Role;

/**
 * The ceiling for embex: ONNX Runtime alone, set up as embex sets it up (one single-threaded,
 * non-spinning session per worker, the batches spread over a fixed pool), on the batches embex
 * would build, with tokenising and tensor building done beforehand. Only the graph runs are
 * timed, so embex's distance from this is what its own Java code costs. Written here against ONNX
 * Runtime directly because embex's encoder is, rightly, not public.
 */
final class OrtCeiling implements Contestant, AutoCloseable {

    private static final String PREFERRED_OUTPUT = "last_hidden_state";

    private final OrtEnvironment environment;
    private final List<OrtSession> sessions;
    private final BlockingQueue<OrtSession> idle;
    private final ExecutorService workers;
    private final ModelFolder model;
    private final TextTokenizer tokenizer;
    private final EmbedderOptions options;
    private final boolean takesTokenTypes;
    private final Set<String> output;

    private OrtCeiling(OrtEnvironment environment, List<OrtSession> sessions, ModelFolder model,
                       TextTokenizer tokenizer, EmbedderOptions options) throws OrtException {
        this.environment = environment;
        this.sessions = List.copyOf(sessions);
        this.idle = new ArrayBlockingQueue<>(sessions.size(), false, sessions);
        this.workers = Executors.newFixedThreadPool(sessions.size(), runnable -> {
            Thread thread = new Thread(runnable, "bench-ceiling");
            thread.setDaemon(true);
            return thread;
        });
        this.model = model;
        this.tokenizer = tokenizer;
        this.options = options;
        OrtSession first = sessions.get(0);
        this.takesTokenTypes = first.getInputNames().contains(BatchTensors.TOKEN_TYPE_IDS);
        Set<String> outputs = first.getOutputNames();
        this.output = Set.of(outputs.contains(PREFERRED_OUTPUT) ? PREFERRED_OUTPUT : outputs.iterator().next());
    }

    /** {@code tokenizer} must be cut where embex cuts this model, so that the batches match. */
    static OrtCeiling open(ModelFolder model, TextTokenizer tokenizer, EmbedderOptions options) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        List<OrtSession> sessions = new ArrayList<>();
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setIntraOpNumThreads(options.threadsPerSession());
            sessionOptions.setInterOpNumThreads(1);
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            for (int i = 0; i < options.sessions(); i++) {
                sessions.add(environment.createSession(model.modelFile().toString(), sessionOptions));
            }
            return new OrtCeiling(environment, sessions, model, tokenizer, options);
        } catch (OrtException e) {
            sessions.forEach(OrtCeiling::closeQuietly);
            throw new EmbexException("cannot open " + model.modelFile() + " in ONNX Runtime: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "onnxruntime";
    }

    @Override
    public String label() {
        return "ONNX Runtime alone (ceiling)";
    }

    @Override
    public Pass prepare(List<String> texts) {
        List<BatchTensors> batches = new ArrayList<>();
        try {
            // Tokenised and length-sorted window by window, then cut into batches, as embex does.
            for (int start = 0; start < texts.size(); start += options.window()) {
                List<String> window = texts.subList(start, Math.min(texts.size(), start + options.window()));
                List<TokenizedText> tokens = tokenizer.tokenizeAll(window.stream()
                        .map(text -> model.descriptor().prefixes().apply(Role.TEXT, text))
                        .toList());
                List<TokenizedText> sorted = tokens.stream()
                        .sorted(Comparator.comparingInt(TokenizedText::length))
                        .toList();
                for (int from = 0; from < sorted.size(); from += options.batchSize()) {
                    List<TokenizedText> batch = sorted.subList(from, Math.min(sorted.size(), from + options.batchSize()));
                    batches.add(BatchTensors.of(environment, batch, takesTokenTypes));
                }
            }
        } catch (OrtException e) {
            batches.forEach(BatchTensors::close);
            throw new EmbexException("cannot build ONNX Runtime inputs: " + e.getMessage(), e);
        }
        return new Pass() {
            @Override
            public void run() {
                runAll(batches);
            }

            @Override
            public void close() {
                batches.forEach(BatchTensors::close);
            }
        };
    }

    private void runAll(List<BatchTensors> batches) {
        List<Future<?>> pending = new ArrayList<>(batches.size());
        for (BatchTensors batch : batches) {
            pending.add(workers.submit(() -> {
                runOne(batch);
                return null;
            }));
        }
        try {
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbexException("the ceiling run was interrupted", e);
        } catch (ExecutionException e) {
            throw new EmbexException("ONNX Runtime failed on a batch: " + e.getCause(), e.getCause());
        }
    }

    private void runOne(BatchTensors batch) throws OrtException, InterruptedException {
        OrtSession session = idle.take();
        try {
            // The outputs are dropped unread: pooling is embex's work, not the runtime's.
            session.run(batch.inputs(), output).close();
        } finally {
            idle.add(session);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        sessions.forEach(OrtCeiling::closeQuietly);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Only native memory is freed here, at the end of the run; nothing left to save.
        }
    }
}
