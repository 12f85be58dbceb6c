package org.embex.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.embex.embed.Embedding;
import org.embex.usecase.TextEmbedding;

/**
 * Texts of requests that arrive within a few milliseconds of each other, embedded in one engine
 * call: a run over sixteen short texts costs little more than a run over one, so under load the
 * model runs a few times fuller instead of many times emptier. One worker thread per model takes
 * the first request waiting, then whatever arrives within the window (up to a number of texts).
 */
final class MicroBatcher implements AutoCloseable {

    private record Pending(List<String> texts, CompletableFuture<List<Embedding>> result) {
    }

    private final TextEmbedding model;
    private final long windowNanos;
    private final int maxTexts;
    private final Metrics metrics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean open = true;

    MicroBatcher(TextEmbedding model, Duration window, int maxTexts, Metrics metrics) {
        this.model = model;
        this.windowNanos = window.toNanos();
        this.maxTexts = maxTexts;
        this.metrics = metrics;
        this.worker = new Thread(this::work, "embex-batch-" + model.descriptor().id());
        worker.setDaemon(true);
        worker.start();
    }

    /** The texts' vectors, in their order, once the batch they join has run. */
    CompletableFuture<List<Embedding>> submit(List<String> texts) {
        CompletableFuture<List<Embedding>> result = new CompletableFuture<>();
        queue.add(new Pending(List.copyOf(texts), result));
        return result;
    }

    private void work() {
        while (open) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    run(gather(first));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Pending> gather(Pending first) throws InterruptedException {
        List<Pending> batch = new ArrayList<>(List.of(first));
        int texts = first.texts().size();
        long deadline = System.nanoTime() + windowNanos;
        while (texts < maxTexts) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            texts += next.texts().size();
        }
        return batch;
    }

    private void run(List<Pending> batch) {
        List<String> texts = new ArrayList<>();
        batch.forEach(pending -> texts.addAll(pending.texts()));
        try {
            // One text runs on the model's own session, spread over every core: the lowest latency.
            List<Embedding> vectors = texts.size() == 1 ? List.of(model.embed(texts.get(0))) : model.embed(texts);
            metrics.batch(texts.size());
            int from = 0;
            for (Pending pending : batch) {
                pending.result().complete(vectors.subList(from, from + pending.texts().size()));
                from += pending.texts().size();
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        open = false;
        worker.interrupt();
    }
}
