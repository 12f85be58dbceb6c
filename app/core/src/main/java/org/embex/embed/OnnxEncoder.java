package org.embex.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import org.embex.EmbexException;
import org.embex.model.ModelDescriptor;

/**
 * One ONNX Runtime session of a BERT-style encoder. On opening it checks that the graph takes
 * {@code input_ids} and {@code attention_mask} (and maybe {@code token_type_ids}) and gives token
 * vectors as wide as the descriptor says, and names what it found when it does not.
 *
 * <p>A session is not shared between threads here: the embedder gives each worker its own, with
 * one intra-op thread and spinning off, which measured far steadier than one session spreading
 * over the cores when anything else runs on the machine.
 */
final class OnnxEncoder implements AutoCloseable {

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String PREFERRED_OUTPUT = "last_hidden_state";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ModelDescriptor descriptor;
    private final boolean takesTokenTypes;
    private final String output;

    private OnnxEncoder(OrtEnvironment environment, OrtSession session, ModelDescriptor descriptor,
                        boolean takesTokenTypes, String output) {
        this.environment = environment;
        this.session = session;
        this.descriptor = descriptor;
        this.takesTokenTypes = takesTokenTypes;
        this.output = output;
    }

    static OnnxEncoder open(Path modelFile, ModelDescriptor descriptor, int threads) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(modelFile.toString(), options);
            OnnxEncoder encoder = checked(environment, session, modelFile, descriptor);
            session = null;
            return encoder;
        } catch (OrtException e) {
            // ONNX Runtime's message repeats the path and runs on; its error code says what went wrong.
            boolean unreadable = switch (e.getCode()) {
                case ORT_INVALID_PROTOBUF, ORT_INVALID_GRAPH, ORT_NO_SUCHFILE -> true;
                default -> false;
            };
            throw new EmbexException("cannot open ONNX model " + modelFile + ": " + e.getCode() + (unreadable
                    ? " (the file is damaged or not an ONNX model: install the model again, or replace model.onnx in "
                            + modelFile.getParent() + ")"
                    : ""), e);
        } finally {
            if (session != null) {
                closeQuietly(session);
            }
        }
    }

    private static OnnxEncoder checked(OrtEnvironment environment, OrtSession session, Path modelFile,
                                       ModelDescriptor descriptor) throws OrtException {
        var inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new EmbexException(modelFile + ": expected inputs " + INPUT_IDS + " and " + ATTENTION_MASK
                    + " (and optionally " + TOKEN_TYPE_IDS + "), found " + inputs);
        }
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String output = outputs.containsKey(PREFERRED_OUTPUT) ? PREFERRED_OUTPUT : outputs.keySet().iterator().next();
        long[] shape = ((TensorInfo) outputs.get(output).getInfo()).getShape();
        if (shape.length != 3 || (shape[2] > 0 && shape[2] != descriptor.dims())) {
            throw new EmbexException(modelFile + ": expected output " + output + " of shape [batch, tokens, "
                    + descriptor.dims() + "], found " + java.util.Arrays.toString(shape));
        }
        return new OnnxEncoder(environment, session, descriptor, inputs.contains(TOKEN_TYPE_IDS), output);
    }

    /** Pooled, L2-normalised vectors of a batch, in the batch's order. */
    float[][] encode(List<TokenizedText> batch) {
        int size = batch.size();
        int sequence = 0;
        for (TokenizedText text : batch) {
            sequence = Math.max(sequence, text.length());
        }
        long[] shape = {size, sequence};
        LongBuffer ids = directLongs(size * sequence);
        LongBuffer mask = directLongs(size * sequence);
        LongBuffer types = directLongs(size * sequence);
        int[] lengths = new int[size];
        for (int row = 0; row < size; row++) {
            TokenizedText text = batch.get(row);
            lengths[row] = text.length();
            int base = row * sequence;
            for (int i = 0; i < text.length(); i++) {
                ids.put(base + i, text.ids()[i]);
                mask.put(base + i, 1L);
                types.put(base + i, text.typeIds()[i]);
            }
        }
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, ids, shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask, shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, types, shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, idTensor);
            inputs.put(ATTENTION_MASK, maskTensor);
            if (takesTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs, java.util.Set.of(output))) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                FloatBuffer values = hidden.getFloatBuffer();
                return Pooler.pool(values, lengths, sequence, descriptor.dims(), descriptor.pooling());
            }
        } catch (OrtException e) {
            throw new EmbexException("ONNX Runtime failed on a batch of " + size + " texts: " + e.getMessage(), e);
        }
    }

    private static LongBuffer directLongs(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing only frees native memory; nothing a caller could do differently.
        }
    }
}
