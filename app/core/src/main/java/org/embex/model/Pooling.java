package org.embex.model;

import java.util.Locale;

import org.embex.BadInputException;

/** How a model's token vectors become one text vector. */
public enum Pooling {
    /** Average of the token vectors under the attention mask (sentence-transformers, E5). */
    MEAN,
    /** The vector of the first token, [CLS] (BGE). */
    CLS;

    public static Pooling parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown pooling '" + name + "', expected mean or cls");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
