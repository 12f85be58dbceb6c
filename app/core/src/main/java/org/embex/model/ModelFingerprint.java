package org.embex.model;

/**
 * What a model's vectors depend on: its ONNX graph, its tokenizer, its pooling and where it cuts
 * texts. Two models with the same fingerprint give the same vector for the same string, so the
 * fingerprint keys the vector cache; it is also the model's provenance in reports.
 *
 * @param hex SHA-256 over the parts, 64 hex digits
 */
public record ModelFingerprint(String hex) {

    private static final String VERSION = "embex-model-fingerprint-1";

    public static ModelFingerprint of(ModelFolder model, FileHasher hasher) {
        ModelDescriptor d = model.descriptor();
        String parts = String.join("\n", VERSION,
                "onnx=" + hasher.sha256(model.modelFile()),
                "tokenizer=" + hasher.sha256(model.tokenizerFile()),
                "pooling=" + d.pooling().label(),
                "max_tokens=" + d.maxTokens(),
                "one_text_per_run=" + d.quantized(),
                "normalised=true");
        return new ModelFingerprint(ContentHash.ofTextHex(parts));
    }

    /** The first 12 hex digits, enough to tell models apart in a listing. */
    public String shortForm() {
        return hex.substring(0, 12);
    }
}
