package org.embex.usecase;

import java.util.Locale;

import org.embex.BadInputException;

/** The ways to lay a corpus out in 2D, by the names both faces use. */
public enum LayoutMethod {
    PCA("PCA"),
    UMAP("UMAP"),
    TSNE("t-SNE");

    private final String label;

    LayoutMethod(String label) {
        this.label = label;
    }

    /** The name a person reads: "t-SNE". */
    public String label() {
        return label;
    }

    /** The name the commands take and the cache keys use: "tsne". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By key or label, any case: "umap", "t-SNE", "TSNE". */
    public static LayoutMethod parse(String name) {
        for (LayoutMethod method : values()) {
            if (method.key().equalsIgnoreCase(name) || method.label().equalsIgnoreCase(name)) {
                return method;
            }
        }
        throw new BadInputException("unknown layout method '" + name + "', expected umap, tsne or pca");
    }

    @Override
    public String toString() {
        return label;
    }
}
