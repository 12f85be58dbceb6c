package org.embex.cluster;

import java.util.Locale;

import org.embex.BadInputException;

/** The clustering algorithms embex offers. */
public enum ClusterMethod {
    /** k-means++ seeding and Lloyd iterations (Smile); every point belongs to one of k clusters. */
    KMEANS,
    /** HDBSCAN* (Campello et al. 2013, Tribuo): clusters of any number and shape, and noise. */
    HDBSCAN;

    public static ClusterMethod parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown clustering method '" + name + "', expected kmeans or hdbscan");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
