package org.embex.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Work of requests that arrive within a few milliseconds of each other, done in one call: a model
 * run over sixteen short texts costs little more than a run over one, and a search of a gate's
 * anchors for thirty-two questions reads the anchors once instead of thirty-two times. Under load
 * the work runs a few times fuller instead of many times emptier. A worker takes the first request
 * waiting, then whatever arrives within the window (up to a number of items), except when it
 * looks alone: the last call served one request and no other waits. With two workers one gathers
 * while the other's call runs (measured at 64 callers: 749 requests/s with two, 593 with one).
 *
 * @param <I> what a request asks about (a text, a vector)
 * @param <O> the answer for one item, in the items' order
 */
final class Batcher<I, O> implements AutoCloseable {

    private record Pending<I, O>(List<I> items, CompletableFuture<List<O>> result) {
    }

    private final Function<List<I>, List<O>> work;
    private final long windowNanos;
    private final int maxItems;
    private final IntConsumer ran;
    private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean open = true;
    /** How many requests the last call served: one, and none waiting, means a lone caller, who should not wait. */
    private volatile int lastRequests;

    /**
     * @param work     the items' answers, in their order, for any items of any requests together
     * @param maxItems the most items one call takes (a request with more runs alone)
     * @param ran      hears how many items each call took
     */
    Batcher(String name, int workerCount, Function<List<I>, List<O>> work, Duration window, int maxItems, IntConsumer ran) {
        this.work = work;
        this.windowNanos = window.toNanos();
        this.maxItems = maxItems;
        this.ran = ran;
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(this::serve, "embex-batch-" + name + "-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /**
     * The items' answers, in their order, once the call they join has run.
     *
     * @throws ApiError 503 when that takes longer than {@code timeout}
     */
    List<O> answer(List<I> items, Duration timeout) {
        try {
            return submit(items).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiError(503, "timeout_error", "no answer within " + timeout.toMillis() + " ms (--timeout); try fewer texts");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "timeout_error", "interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private CompletableFuture<List<O>> submit(List<I> items) {
        CompletableFuture<List<O>> result = new CompletableFuture<>();
        queue.add(new Pending<>(List.copyOf(items), result));
        return result;
    }

    private void serve() {
        while (open) {
            try {
                Pending<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    run(gather(first));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Pending<I, O>> gather(Pending<I, O> first) throws InterruptedException {
        List<Pending<I, O>> batch = new ArrayList<>(List.of(first));
        int items = first.items().size();
        long deadline = System.nanoTime() + windowNanos;
        // A lone caller gains nothing from the window but its wait; callers that come together fill it.
        boolean alone = lastRequests <= 1 && queue.isEmpty();
        while (items < maxItems && !alone) {
            long left = deadline - System.nanoTime();
            Pending<I, O> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            items += next.items().size();
        }
        lastRequests = batch.size();
        return batch;
    }

    private void run(List<Pending<I, O>> batch) {
        List<I> items = new ArrayList<>();
        batch.forEach(pending -> items.addAll(pending.items()));
        try {
            List<O> answers = work.apply(items);
            ran.accept(items.size());
            int from = 0;
            for (Pending<I, O> pending : batch) {
                pending.result().complete(answers.subList(from, from + pending.items().size()));
                from += pending.items().size();
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        open = false;
        workers.forEach(Thread::interrupt);
    }
}
