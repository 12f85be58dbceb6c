package org.embex.vectorfile;

import java.util.Locale;

/**
 * How long a file's vectors are. embex's own vectors are unit length; a user's may not be, and
 * then cosine (which ignores length) and dot or L2 (which use it) rank differently: the faces say
 * so, and every metric takes the vectors as given.
 *
 * @param unitShare share of rows whose length is 1 within {@link #TOLERANCE}
 */
public record Norms(int rows, double unitShare, double min, double max) {

    /** Float32 rounding leaves unit vectors a few 1e-7 off; 1e-3 is far above that and far below any real rescaling. */
    public static final double TOLERANCE = 1e-3;

    public boolean allUnit() {
        return unitShare == 1.0;
    }

    /**
     * What a face says when the vectors are not all unit length, and what was done about it; empty
     * when they are.
     */
    public String note(String source, boolean scaled) {
        if (allUnit()) {
            return "";
        }
        return String.format(Locale.ROOT, "%s: %.1f%% of the %,d vectors are not unit length (lengths %.4g to %.4g); %s",
                source, 100 * (1 - unitShare), rows, min, max, scaled ? "each was scaled to unit length as asked"
                        : "used as given: cosine ignores length; dot, L2, PCA and the clusters (Euclidean) do not (--normalize scales them)");
    }
}
