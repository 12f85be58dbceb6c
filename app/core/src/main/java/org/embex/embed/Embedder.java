package org.embex.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.embex.EmbexException;
import org.embex.model.FileHasher;
import org.embex.model.ModelDescriptor;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.ProgressListener;

/**
 * Embeds texts with one model: the model's prefix for the role, its tokenizer cut at its
 * maximum, its ONNX graph, its pooling, then L2 normalisation.
 *
 * <p>Many texts are tokenised together, sorted by length so that a batch holds texts of about
 * the same length (little padding), and the batches are spread over parallel sessions, each
 * opened when a batch first finds every open one busy (a session takes about 0.2 s to open, as
 * long as a short command's whole embedding: two texts need one session, a corpus all). Padding
 * is masked, so a text's vector does not depend on its neighbours in a batch; quantized models
 * break that (their activation scales are computed over the whole batch), so they run one text
 * at a time.
 */
public final class Embedder implements EmbeddingModel {

    /** Longer than any one run takes: a run is one batch, well under a second on the catalogue's models. */
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final ModelDescriptor descriptor;
    private final EmbedderOptions options;
    private final TextTokenizer tokenizer;
    /** The open sessions that no run holds now. */
    private final BlockingQueue<OnnxEncoder> encoders;
    /** Every session opened, for {@link #close()}; more are opened up to {@code options.sessions()}. */
    private final List<OnnxEncoder> allEncoders = new CopyOnWriteArrayList<>();
    private final Object opening = new Object();
    private final ExecutorService workers;
    private final ModelFolder model;
    /** Opened on the first single text: one session with a thread per core answers a typed query fastest. */
    private OnnxEncoder queryEncoder;
    private final Object queryLock = new Object();
    /** Held for reading by every call that runs native code, for writing by {@link #close()}. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private Embedder(ModelFolder model, EmbedderOptions options, TextTokenizer tokenizer, OnnxEncoder first) {
        this.model = model;
        this.descriptor = model.descriptor();
        this.options = options;
        this.tokenizer = tokenizer;
        this.allEncoders.add(first);
        this.encoders = new ArrayBlockingQueue<>(options.sessions(), false, List.of(first));
        this.workers = Executors.newFixedThreadPool(options.sessions(), runnable -> {
            Thread thread = new Thread(runnable, "embex-embedder");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Embedder open(ModelFolder model) {
        return open(model, EmbedderOptions.defaults());
    }

    public static Embedder open(ModelFolder model, EmbedderOptions options) {
        ModelDescriptor descriptor = model.descriptor();
        TextTokenizer tokenizer = TextTokenizer.open(model.tokenizerFile(), descriptor.maxTokens(),
                descriptor.unknownToken());
        // One session now, so that a model ONNX Runtime cannot load fails here, where it is opened.
        OnnxEncoder first;
        try {
            first = OnnxEncoder.open(model.modelFile(), descriptor, options.threadsPerSession());
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        return new Embedder(model, options, tokenizer, first);
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** The tokens the model would see for this text in this role, prefix included. */
    public TokenizedText tokenize(String text, Role role) {
        return using(() -> tokenizer.tokenize(descriptor.prefixes().apply(role, text)));
    }

    /**
     * One text, on the caller's thread: the path of a typed query. Its session spreads one text
     * over every core (measured: 6.7 to 4.7 ms for MiniLM, 14.3 to 9.4 ms for bge-small-zh).
     */
    @Override
    public Embedding embed(String text, Role role) {
        return using(() -> {
            synchronized (queryLock) {
                TokenizedText tokens = tokenize(text, role);
                if (queryEncoder == null) {
                    queryEncoder = OnnxEncoder.open(model.modelFile(), descriptor, Runtime.getRuntime().availableProcessors());
                }
                return toEmbedding(tokens, queryEncoder.encode(List.of(tokens))[0]);
            }
        });
    }

    /** Many texts, in their order; {@code listener} hears how many are done. */
    @Override
    public List<Embedding> embed(List<String> texts, Role role, ProgressListener listener) {
        return using(() -> {
            Embedding[] result = new Embedding[texts.size()];
            AtomicLong done = new AtomicLong();
            for (int start = 0; start < texts.size(); start += options.window()) {
                int end = Math.min(texts.size(), start + options.window());
                embedWindow(texts.subList(start, end), role, start, result, done, texts.size(), listener,
                        lengths -> RunPlan.fixed(lengths.length, options.batchSize()));
            }
            return Arrays.asList(result);
        });
    }

    /**
     * A batch from many callers, spread over the sessions: texts that arrive together are not of
     * about the same length the way a sorted corpus window is, so they are cut into the runs that
     * pad least for what the runs cost ({@link RunPlan#cheapest}), no run longer than an even share
     * per session, the longest runs first.
     */
    @Override
    public List<Embedding> embedSpread(List<String> texts, Role role) {
        return using(() -> {
            Embedding[] result = new Embedding[texts.size()];
            int perSession = Math.max(1, (texts.size() + options.sessions() - 1) / options.sessions());
            embedWindow(texts, role, 0, result, new AtomicLong(), texts.size(), ProgressListener.NONE,
                    lengths -> RunPlan.cheapest(lengths, perSession));
            return Arrays.asList(result);
        });
    }

    /**
     * Runs work that touches the tokenizer or the sessions, never while {@link #close()} frees them: native
     * code on freed memory crashes the whole process (seen when a server stopped during a batch).
     */
    private <T> T using(Supplier<T> work) {
        inUse.readLock().lock();
        try {
            if (closed) {
                throw new EmbexException("the model " + descriptor.id() + " is closed");
            }
            return work.get();
        } finally {
            inUse.readLock().unlock();
        }
    }

    /** How many texts a batch from many callers should hold: two rounds of full batches over every session. */
    @Override
    public int servedBatch() {
        return descriptor.quantized() ? 1 : 2 * options.batchSize() * options.sessions();
    }

    private void embedWindow(List<String> texts, Role role, int offset, Embedding[] result, AtomicLong done,
                             int total, ProgressListener listener, Function<int[], List<RunPlan.Run>> plan) {
        List<String> prefixed = texts.stream().map(text -> descriptor.prefixes().apply(role, text)).toList();
        List<TokenizedText> tokens = tokenizer.tokenizeAll(prefixed);
        Integer[] order = new Integer[tokens.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> tokens.get(i).length()));

        int[] sortedLengths = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedLengths[i] = tokens.get(order[i]).length();
        }
        List<RunPlan.Run> runs = descriptor.quantized() ? RunPlan.fixed(order.length, 1) : plan.apply(sortedLengths);
        List<Future<?>> pending = new ArrayList<>();
        for (RunPlan.Run run : runs) {
            int[] members = new int[run.size()];
            for (int k = 0; k < members.length; k++) {
                members[k] = order[run.from() + k];
            }
            pending.add(submit(() -> {
                List<TokenizedText> batch = new ArrayList<>(members.length);
                for (int member : members) {
                    batch.add(tokens.get(member));
                }
                OnnxEncoder encoder = takeEncoder();
                float[][] vectors;
                try {
                    vectors = encoder.encode(batch);
                } finally {
                    encoders.add(encoder);
                }
                for (int k = 0; k < members.length; k++) {
                    result[offset + members[k]] = toEmbedding(batch.get(k), vectors[k]);
                }
                listener.progress(done.addAndGet(members.length), total);
            }));
        }
        await(pending);
    }

    private Future<?> submit(Runnable run) {
        try {
            return workers.submit(run);
        } catch (RejectedExecutionException e) {
            throw stopped(e);
        }
    }

    private EmbexException stopped(Exception cause) {
        return new EmbexException("embedding was stopped: the model " + descriptor.id() + " was closed", cause);
    }

    private void await(List<Future<?>> pending) {
        try {
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (CancellationException e) {
            pending.forEach(future -> future.cancel(true));
            throw stopped(e);
        } catch (InterruptedException e) {
            pending.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new EmbexException("embedding was interrupted", e);
        } catch (ExecutionException e) {
            pending.forEach(future -> future.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EmbexException("embedding failed: " + e.getCause(), e.getCause());
        }
    }

    /** How many batch sessions are open now: one after opening, more as batches find them busy. */
    int sessionsOpen() {
        return allEncoders.size();
    }

    /** An idle session, else a new one while fewer than {@code options.sessions()} are open, else the next freed. */
    private OnnxEncoder takeEncoder() {
        OnnxEncoder idle = encoders.poll();
        if (idle != null) {
            return idle;
        }
        synchronized (opening) {
            if (allEncoders.size() < options.sessions()) {
                OnnxEncoder opened = OnnxEncoder.open(model.modelFile(), descriptor, options.threadsPerSession());
                allEncoders.add(opened);
                return opened;
            }
        }
        try {
            return encoders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbexException("embedding was interrupted", e);
        }
    }

    private static Embedding toEmbedding(TokenizedText tokens, float[] vector) {
        return new Embedding(vector, tokens.length(), tokens.truncated(), tokens.unknownShare());
    }

    @Override
    public ModelFingerprint fingerprint(FileHasher hasher) {
        return ModelFingerprint.of(model, hasher);
    }

    /**
     * Stops the workers, waits for the runs already inside ONNX Runtime (they cannot be interrupted), then
     * closes the sessions: a session closed under a running run crashes the whole process. Runs still
     * waiting for a session end with "embedding was interrupted".
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Runs not yet started are cancelled, so that their callers stop waiting and let go of the model.
        workers.shutdownNow().forEach(task -> ((Future<?>) task).cancel(false));
        if (!awaitCallers()) {
            // A caller that outlives the wait keeps the model: leaking it is better than crashing the process.
            return;
        }
        allEncoders.forEach(OnnxEncoder::close);
        if (queryEncoder != null) {
            queryEncoder.close();
        }
        tokenizer.close();
    }

    private boolean awaitCallers() {
        try {
            if (!inUse.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return false;
            }
            inUse.writeLock().unlock();
            return workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
