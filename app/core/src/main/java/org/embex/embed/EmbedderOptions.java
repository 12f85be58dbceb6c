package org.embex.embed;

/**
 * How an {@link Embedder} spends the machine.
 *
 * @param batchSize         texts per ONNX run (quantized models always run one at a time)
 * @param sessions          parallel ONNX sessions, each fed by its own worker thread
 * @param threadsPerSession intra-op threads of each session
 * @param window            texts tokenised and length-sorted together; bounds the memory held
 *                          in token ids for very large inputs
 */
public record EmbedderOptions(int batchSize, int sessions, int threadsPerSession, int window) {

    public EmbedderOptions {
        if (batchSize < 1 || sessions < 1 || threadsPerSession < 1 || window < 1) {
            throw new IllegalArgumentException("embedder options must all be positive: " + batchSize + ", "
                    + sessions + ", " + threadsPerSession + ", " + window);
        }
    }

    /**
     * Length-sorted batches of 16 on one session per core, one thread each: the best throughput
     * measured on two cores (DESIGN.md), and robust when another process takes a core.
     */
    public static EmbedderOptions defaults() {
        return new EmbedderOptions(16, Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 4096);
    }

    public EmbedderOptions withBatchSize(int size) {
        return new EmbedderOptions(size, sessions, threadsPerSession, window);
    }

    public EmbedderOptions withSessions(int count) {
        return new EmbedderOptions(batchSize, count, threadsPerSession, window);
    }

    public EmbedderOptions withThreadsPerSession(int threads) {
        return new EmbedderOptions(batchSize, sessions, threads, window);
    }
}
