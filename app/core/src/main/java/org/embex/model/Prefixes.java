package org.embex.model;

import java.util.Objects;

/** The strings a model expects before a text, one per {@link Role}; empty when none. */
public record Prefixes(String query, String passage, String text) {

    public static final Prefixes NONE = new Prefixes("", "", "");

    public Prefixes {
        query = Objects.requireNonNullElse(query, "");
        passage = Objects.requireNonNullElse(passage, "");
        text = Objects.requireNonNullElse(text, "");
    }

    public String forRole(Role role) {
        return switch (role) {
            case QUERY -> query;
            case PASSAGE -> passage;
            case TEXT -> text;
        };
    }

    public String apply(Role role, String input) {
        return forRole(role) + input;
    }
}
