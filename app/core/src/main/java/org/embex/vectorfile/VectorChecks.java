package org.embex.vectorfile;

import java.util.function.IntFunction;

import org.embex.BadInputException;

/**
 * The rule every imported vector meets, the same for every format: finite numbers, not all zero
 * (a zero vector has no direction, so its cosine with anything is undefined). Rows of differing
 * width are caught as each format reads them. The first row that breaks the rule stops the import
 * with where it is and what was found; rows that pass are measured for {@link Norms}, and every
 * value goes into the {@link DataFingerprint} in the same pass.
 */
final class VectorChecks {

    private VectorChecks() {
    }

    /** What the pass found: the lengths, and the fingerprint of the values. */
    record Checked(Norms norms, String fingerprint) {
    }

    /**
     * @param where says where row {@code i} is, for messages ("data.parquet: row 18, column 'embedding'")
     */
    static Checked check(float[] values, int dims, IntFunction<String> where) {
        DataFingerprint fingerprint = new DataFingerprint(dims, values.length);
        int rows = values.length / dims;
        int unit = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int row = 0; row < rows; row++) {
            double sum = 0;
            int start = row * dims;
            for (int j = 0; j < dims; j++) {
                float v = values[start + j];
                if (!Float.isFinite(v)) {
                    throw new BadInputException(where.apply(row) + ": value " + (j + 1) + " of " + dims + " is " + v
                            + "; vectors must be finite numbers");
                }
                sum += (double) v * v;
                fingerprint.add(v);
            }
            if (sum == 0) {
                throw new BadInputException(where.apply(row) + ": the vector is all zeros, so it has no direction"
                        + " (its cosine with any other is undefined)");
            }
            double norm = Math.sqrt(sum);
            min = Math.min(min, norm);
            max = Math.max(max, norm);
            if (Math.abs(norm - 1) <= Norms.TOLERANCE) {
                unit++;
            }
        }
        return new Checked(new Norms(rows, rows == 0 ? 1 : (double) unit / rows, rows == 0 ? 0 : min, max), fingerprint.hex());
    }
}
