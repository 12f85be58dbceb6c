package org.embex.model;

import java.util.Objects;
import java.util.Optional;

import org.embex.BadInputException;

/**
 * What embex must know to run a model: its shape, pooling, truncation, prefixes, and where its
 * files come from. Read from a model folder's {@code model.json}.
 *
 * @param id           the name users type, e.g. {@code all-minilm-l6-v2}
 * @param description  one line for people
 * @param source       the Maven artifact that carries the files, absent for a user's own model
 * @param dims         length of the output vector
 * @param pooling      how token vectors become one vector
 * @param maxTokens    the model's documented maximum input, special tokens included; longer
 *                     texts are cut there
 * @param language     ISO code of the language the model reads, {@code multi} for several
 * @param quantized    int8 weights: its vectors depend on the batch, so texts run one at a time
 * @param prefixes     strings put before a text, by role
 * @param unknownToken the tokenizer's unknown token, counted to tell users what a model cannot read
 * @param endpoint     where the model runs when it is not a local ONNX model but an HTTP endpoint
 *                     (pooling, cut and tokenizer are then the endpoint's business)
 */
public record ModelDescriptor(
        String id,
        String description,
        Optional<ArtifactSource> source,
        int dims,
        Pooling pooling,
        int maxTokens,
        String language,
        boolean quantized,
        Prefixes prefixes,
        String unknownToken,
        Optional<Endpoint> endpoint) {

    public static final String DEFAULT_UNKNOWN_TOKEN = "[UNK]";

    public ModelDescriptor {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new BadInputException("model id '" + id + "' may only hold letters, digits, '.', '_' and '-'");
        }
        description = Objects.requireNonNullElse(description, "");
        source = Objects.requireNonNullElse(source, Optional.empty());
        if (dims <= 0) {
            throw new BadInputException("model " + id + ": dims must be positive, was " + dims);
        }
        Objects.requireNonNull(pooling, "pooling");
        if (maxTokens < 3) {
            throw new BadInputException("model " + id + ": max_tokens must be at least 3, was " + maxTokens);
        }
        language = Objects.requireNonNullElse(language, "multi");
        prefixes = Objects.requireNonNullElse(prefixes, Prefixes.NONE);
        unknownToken = Objects.requireNonNullElse(unknownToken, DEFAULT_UNKNOWN_TOKEN);
        endpoint = Objects.requireNonNullElse(endpoint, Optional.empty());
    }

    /** Whether texts embedded with this model are sent to an endpoint, off this machine. */
    public boolean remote() {
        return endpoint.isPresent();
    }

    /** The same model cut at another length; tests use it to meet a reference at its cut. */
    public ModelDescriptor withMaxTokens(int tokens) {
        return new ModelDescriptor(id, description, source, dims, pooling, tokens, language, quantized,
                prefixes, unknownToken, endpoint);
    }

    /** A Maven artifact and the names of the model's two files inside its jar. */
    public record ArtifactSource(MavenArtifact artifact, String modelEntry, String tokenizerEntry) {
        public ArtifactSource {
            Objects.requireNonNull(artifact, "artifact");
            Objects.requireNonNull(modelEntry, "modelEntry");
            Objects.requireNonNull(tokenizerEntry, "tokenizerEntry");
        }
    }
}
