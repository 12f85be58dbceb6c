package org.embex.embed;

import java.nio.FloatBuffer;

import org.embex.model.Pooling;
import org.embex.vectors.Metric;

/**
 * Turns a batch of token vectors, {@code [batch, sequence, hidden]} in row-major order, into one
 * L2-normalised vector per text. Texts are right-padded, so text {@code i}'s real tokens are the
 * first {@code lengths[i]} rows; padding never enters a mean.
 */
final class Pooler {

    private Pooler() {
    }

    static float[][] pool(FloatBuffer hidden, int[] lengths, int sequence, int width, Pooling pooling) {
        float[][] vectors = new float[lengths.length][];
        for (int text = 0; text < lengths.length; text++) {
            int base = text * sequence * width;
            float[] vector = new float[width];
            if (pooling == Pooling.CLS) {
                hidden.get(base, vector);
            } else {
                meanInto(hidden, base, lengths[text], width, vector);
            }
            vectors[text] = Metric.normalize(vector);
        }
        return vectors;
    }

    private static void meanInto(FloatBuffer hidden, int base, int tokens, int width, float[] out) {
        float[] row = new float[width];
        for (int token = 0; token < tokens; token++) {
            hidden.get(base + token * width, row);
            for (int j = 0; j < width; j++) {
                out[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            out[j] /= tokens;
        }
    }
}
