package org.embex;

/**
 * The seed every random choice starts from unless a user gives another: UMAP, t-SNE, k-means,
 * the graph index, sampled pairs. One constant, so that the window and the commands draw the same
 * map and the same clusters (Tribuo's {@code Trainer.DEFAULT_SEED} is the model).
 */
public final class Seed {

    public static final long DEFAULT = 42;

    /** The same seed as text, for option defaults written in annotations (a test holds them equal). */
    public static final String DEFAULT_TEXT = "42";

    private Seed() {
    }
}
