package org.embex.bench;

import java.util.List;

import org.embex.embed.Embedder;
import org.embex.model.Role;

/**
 * How long a user waits for one typed query to become a vector: single calls on the caller's
 * thread, each on a sentence not seen before, so no cache anywhere could flatter the figure.
 */
final class QueryLatency {

    private QueryLatency() {
    }

    /** Uses sentences {@code 0 .. warmUp + queries - 1}, cycling if there are fewer. */
    static EmbedReport.Latency measure(Embedder embedder, List<String> sentences, int warmUp, int queries) {
        Progress.say("query latency: " + warmUp + " warm-up calls, then " + queries + " timed");
        for (int i = 0; i < warmUp; i++) {
            embedder.embed(sentences.get(i % sentences.size()), Role.QUERY);
        }
        double[] millis = new double[queries];
        for (int i = 0; i < queries; i++) {
            String query = sentences.get((warmUp + i) % sentences.size());
            millis[i] = 1000 * Stats.secondsOf(() -> embedder.embed(query, Role.QUERY));
        }
        return new EmbedReport.Latency(warmUp, queries, Stats.percentile(millis, 50), Stats.percentile(millis, 90),
                Stats.percentile(millis, 99));
    }
}
