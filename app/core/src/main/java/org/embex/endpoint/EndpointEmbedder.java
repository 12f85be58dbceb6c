package org.embex.endpoint;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.embed.EmbeddingModel;
import org.embex.model.ContentHash;
import org.embex.model.Endpoint;
import org.embex.model.FileHasher;
import org.embex.model.ModelDescriptor;
import org.embex.model.ModelFingerprint;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
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
    private ModelFingerprint fingerprint;

    private EndpointEmbedder(ModelDescriptor descriptor, EndpointClient client) {
        this.descriptor = descriptor;
        this.endpoint = descriptor.endpoint().orElseThrow();
        this.client = client;
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

    /** Many texts, in batches of the endpoint's size one after another; {@code listener} hears after each. */
    @Override
    public List<Embedding> embed(List<String> texts, Role role, ProgressListener listener) {
        List<Embedding> result = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += endpoint.batch()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + endpoint.batch()));
            for (float[] vector : client.embed(batch.stream().map(text -> descriptor.prefixes().apply(role, text)).toList())) {
                result.add(new Embedding(Metric.normalize(vector), 0, false, 0));
            }
            listener.progress(result.size(), texts.size());
        }
        return result;
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

    /** Nothing to free: each request is its own. */
    @Override
    public void close() {
    }
}
