package org.embex.vectorfile;

import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.embex.BadInputException;

/**
 * The rule every imported vector meets, the same for every format: finite numbers, not all zero
 * (a zero vector has no direction, so its cosine with anything is undefined). Rows of differing
 * width are caught as each format reads them. The first row that breaks the rule stops the import
 * with where it is and what was found; rows that pass are measured for {@link Norms}, and every
 * value goes into the {@link DataFingerprint} in the same pass, range by range over the cores.
 */
final class VectorChecks {

    private VectorChecks() {
    }

    /** What the pass found: the lengths, and the fingerprint of the values. */
    record Checked(Norms norms, String fingerprint) {
    }

    /** Ranges checked side by side; fixed, so that the fingerprint does not depend on the core count. */
    private static final int RANGES = 16;

    /** One range's findings, added in range order. */
    private record Part(int unit, double min, double max, String fingerprint) {
    }

    /**
     * @param where says where row {@code i} is, for messages ("data.parquet: row 18, column 'embedding'")
     */
    static Checked check(float[] values, int dims, IntFunction<String> where) {
        int rows = values.length / dims;
        Part[] parts = new Part[RANGES];
        BadInputException[] problems = new BadInputException[RANGES];
        IntStream.range(0, RANGES).parallel().forEach(range -> {
            try {
                parts[range] = check(values, dims, (int) ((long) rows * range / RANGES),
                        (int) ((long) rows * (range + 1) / RANGES), where);
            } catch (BadInputException e) {
                problems[range] = e;
            }
        });
        // The first bad row of the file is the one said, whichever range found its own first.
        for (BadInputException problem : problems) {
            if (problem != null) {
                throw problem;
            }
        }
        int unit = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        StringBuilder fingerprints = new StringBuilder();
        for (Part part : parts) {
            unit += part.unit();
            min = Math.min(min, part.min());
            max = Math.max(max, part.max());
            fingerprints.append(part.fingerprint());
        }
        DataFingerprint whole = new DataFingerprint(dims, values.length);
        fingerprints.chars().forEach(c -> whole.add(c));
        return new Checked(new Norms(rows, rows == 0 ? 1 : (double) unit / rows, rows == 0 ? 0 : min, max), whole.hex());
    }

    private static Part check(float[] values, int dims, int from, int to, IntFunction<String> where) {
        DataFingerprint fingerprint = new DataFingerprint(dims, to - from);
        int unit = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int row = from; row < to; row++) {
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
        return new Part(unit, min, max, fingerprint.hex());
    }
}
