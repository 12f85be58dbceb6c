package org.embex.cache;

import org.embex.layout.TsneParams;
import org.embex.layout.UmapParams;

/**
 * Everything a map depends on: the corpus content and column choice, the model, the method and
 * all its parameters, seed included. Two equal keys give the same map.
 */
public record LayoutKey(String corpusSha256, String columns, String modelFingerprint, String method, String parameters) {

    /**
     * The key of a map made by {@code method} ("pca", "umap" or "tsne"): t-SNE's parameters for
     * t-SNE, UMAP's for the others (PCA uses UMAP's seed, and UMAP falls back to PCA on tiny corpora).
     */
    public static LayoutKey of(String corpusSha256, String columns, String modelFingerprint, String method, UmapParams umap,
                               TsneParams tsne) {
        return new LayoutKey(corpusSha256, columns, modelFingerprint, method,
                method.equals("tsne") ? tsne.toString() : umap.toString());
    }

    String text() {
        return String.join("|", corpusSha256, columns, modelFingerprint, method, parameters);
    }
}
