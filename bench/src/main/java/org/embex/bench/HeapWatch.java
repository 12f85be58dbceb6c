package org.embex.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/** The largest heap in use seen by a thread that looks every few milliseconds, for the memory targets. */
final class HeapWatch {

    static final long SAMPLE_MILLIS = 50;

    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    private HeapWatch() {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        thread.setDaemon(true);
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        watch.thread.start();
        return watch;
    }

    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    long peak() {
        return peak.get();
    }

    /** An upper bound: each pool's own peak, though they need not have peaked together. */
    static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
