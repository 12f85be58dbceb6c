package org.embex.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

import org.embex.embed.TokenizedText;

/**
 * One batch as ONNX Runtime inputs, right-padded to its longest text and masked, the layout a
 * BERT-style encoder takes. Built once over direct buffers so that passes reuse it without copies.
 */
final class BatchTensors implements AutoCloseable {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final Map<String, OnnxTensor> inputs;

    private BatchTensors(Map<String, OnnxTensor> inputs) {
        this.inputs = inputs;
    }

    static BatchTensors of(OrtEnvironment environment, List<TokenizedText> batch, boolean withTokenTypes)
            throws OrtException {
        int sequence = batch.stream().mapToInt(TokenizedText::length).max().orElse(0);
        long[] shape = {batch.size(), sequence};
        LongBuffer ids = directLongs(batch.size() * sequence);
        LongBuffer mask = directLongs(batch.size() * sequence);
        LongBuffer types = directLongs(batch.size() * sequence);
        for (int row = 0; row < batch.size(); row++) {
            TokenizedText text = batch.get(row);
            for (int i = 0; i < text.length(); i++) {
                ids.put(row * sequence + i, text.ids()[i]);
                mask.put(row * sequence + i, 1L);
                types.put(row * sequence + i, text.typeIds()[i]);
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(environment, ids, shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(environment, mask, shape));
            if (withTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(environment, types, shape));
            }
        } catch (OrtException e) {
            inputs.values().forEach(OnnxTensor::close);
            throw e;
        }
        return new BatchTensors(inputs);
    }

    Map<String, OnnxTensor> inputs() {
        return inputs;
    }

    private static LongBuffer directLongs(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
    }
}
