package org.embex.endpoint;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.embex.BadInputException;
import org.embex.EmbexException;
import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingModel;
import org.embex.model.ContentHash;
import org.embex.model.Endpoint;
import org.embex.model.FileHasher;
import org.embex.model.ModelDescriptor;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.CancelledException;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;

/**
 * A model that runs at an endpoint: texts go out in batches of the endpoint's size with the
 * model's prefix for their role, vectors come back and are L2-normalised like a local model's.
 * The endpoint tokenizes, so an {@link Embedding} from here counts no tokens.
 *
 * <p>Its fingerprint is made of the endpoint's address, the remote model's name and the vector the
 * endpoint gives for a fixed probe text (rounded to three decimals, so that an endpoint's last-bit
 * noise does not change it): a model changed behind the same name changes the fingerprint, and the
 * cache then holds its vectors apart from the old model's.
 */
public final class EndpointEmbedder implements EmbeddingModel {

    private static final String VERSION = "embex-endpoint-fingerprint-1";
    /** A sentence every text model has an opinion on; changing it changes every endpoint model's fingerprint. */
    static final String PROBE = "embex fingerprint probe: a customer asks how to close an account and get a refund.";

    private final ModelDescriptor descriptor;
    private final Endpoint endpoint;
    private final EndpointClient client;
    private final ExecutorService requests;
    private ModelFingerprint fingerprint;

    private EndpointEmbedder(ModelDescriptor descriptor, EndpointClient client) {
        this.descriptor = descriptor;
        this.endpoint = descriptor.endpoint().orElseThrow();
        this.client = client;
        this.requests = Executors.newFixedThreadPool(endpoint.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "embex-endpoint");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The endpoint model of {@code folder}, its API key read from {@code environment}; nothing is sent yet. */
    public static EndpointEmbedder open(ModelFolder folder, Map<String, String> environment) {
        return open(folder, environment, RetryPolicy.DEFAULT);
    }

    static EndpointEmbedder open(ModelFolder folder, Map<String, String> environment, RetryPolicy retries) {
        ModelDescriptor descriptor = folder.descriptor();
        Endpoint endpoint = descriptor.endpoint().orElseThrow(
                () -> new IllegalArgumentException(folder.id() + " is not an endpoint model"));
        String where = folder.directory().resolve(ModelFolder.DESCRIPTOR).toString();
        Optional<String> key = endpoint.apiKeyEnv().map(name -> {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new BadInputException("model " + folder.id() + " takes its API key from the environment variable "
                        + name + ", which is not set (" + where + ")");
            }
            return value.trim();
        });
        return new EndpointEmbedder(descriptor, new EndpointClient(endpoint, key, descriptor.dims(), where, retries,
                new Random()));
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Embedding embed(String text, Role role) {
        return embed(List.of(text), role, ProgressListener.NONE).get(0);
    }

    /**
     * Many texts, in batches of the endpoint's size, {@code parallel} requests in flight; the answers are
     * taken in order and {@code listener} hears after each. A failure or a cancel stops the requests still out.
     */
    @Override
    public List<Embedding> embed(List<String> texts, Role role, ProgressListener listener) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += endpoint.batch()) {
            batches.add(texts.subList(from, Math.min(texts.size(), from + endpoint.batch())).stream()
                    .map(text -> descriptor.prefixes().apply(role, text)).toList());
        }
        List<Embedding> result = new ArrayList<>(texts.size());
        Deque<Future<List<float[]>>> out = new ArrayDeque<>();
        try {
            int next = 0;
            while (result.size() < texts.size()) {
                for (; next < batches.size() && out.size() < endpoint.parallel(); next++) {
                    List<String> batch = batches.get(next);
                    out.add(requests.submit(() -> client.embed(batch)));
                }
                for (float[] vector : answer(out.poll())) {
                    result.add(new Embedding(Metric.normalize(vector), 0, false, 0));
                }
                listener.progress(result.size(), texts.size());
            }
            return result;
        } finally {
            out.forEach(request -> request.cancel(true));
        }
    }

    private static List<float[]> answer(Future<List<float[]>> request) {
        try {
            return request.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new EmbexException("the endpoint request failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    @Override
    public int servedBatch() {
        return endpoint.batch();
    }

    /** Asks the endpoint for the probe text's vector once; the address and name alone do not say which model answers. */
    @Override
    public synchronized ModelFingerprint fingerprint(FileHasher hasher) {
        if (fingerprint == null) {
            float[] probe = Metric.normalize(client.embed(List.of(PROBE)).get(0));
            ByteBuffer rounded = ByteBuffer.allocate(probe.length * Integer.BYTES);
            for (float value : probe) {
                rounded.putInt(Math.round(value * 1000));
            }
            String parts = String.join("\n", VERSION,
                    "url=" + endpoint.embeddingsUri(),
                    "model=" + endpoint.remoteModel(),
                    "dims=" + descriptor.dims(),
                    "probe=" + ContentHash.ofBytesHex(rounded.array()),
                    "normalised=true");
            fingerprint = new ModelFingerprint(ContentHash.ofTextHex(parts));
        }
        return fingerprint;
    }

    /** Stops the requests still out. */
    @Override
    public void close() {
        requests.shutdownNow();
    }
}
