package org.embex.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.embex.embed.Embedding;

/**
 * The vectors of questions asked lately, least recently used first out: a bot hears the same
 * questions again and again, and a hit costs a map look-up instead of a model run.
 */
final class QueryCache {

    private final int capacity;
    private final Map<String, Embedding> entries;
    private final Metrics metrics;

    /** @param capacity how many vectors to keep; 0 keeps none */
    QueryCache(int capacity, Metrics metrics) {
        this.capacity = capacity;
        this.metrics = metrics;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
                return size() > QueryCache.this.capacity;
            }
        };
    }

    synchronized Optional<Embedding> get(String model, String text) {
        if (capacity == 0) {
            return Optional.empty();
        }
        Embedding found = entries.get(key(model, text));
        metrics.queryCache(found != null);
        return Optional.ofNullable(found);
    }

    synchronized void put(String model, String text, Embedding embedding) {
        if (capacity > 0) {
            entries.put(key(model, text), embedding);
        }
    }

    private static String key(String model, String text) {
        return model + '\u0000' + text;
    }
}
