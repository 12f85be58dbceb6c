package org.embex.usecase;

/** The layouts the explorer offers. */
public enum MapMethod {
    PCA("PCA"),
    UMAP("UMAP"),
    TSNE("t-SNE");

    private final String label;

    MapMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name the command line uses for it. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return label;
    }
}
