package org.embex.cache;

/**
 * Everything a map depends on: the corpus content and column choice, the model, the method and
 * all its parameters, seed included. Two equal keys give the same map.
 */
public record LayoutKey(String corpusSha256, String columns, String modelFingerprint, String method, String parameters) {

    String text() {
        return String.join("|", corpusSha256, columns, modelFingerprint, method, parameters);
    }
}
