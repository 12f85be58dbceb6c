package org.embex.server;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.embex.gate.GateDecision;
import org.embex.usecase.GatePolicy;

/**
 * The gates' decisions for vectors from many requests, made together: a nearest-example gate
 * compares each question with every anchor (15,000 for CLINC150), and one search for thirty-two
 * questions reads the anchors once where thirty-two searches read them thirty-two times (measured:
 * the searches, one a request, took most of the processor at 64 callers and starved the model).
 */
final class Decisions implements AutoCloseable {

    /** Most questions searched together. */
    private static final int MOST = 64;

    private record Asked(GatePolicy policy, float[] vector) {
    }

    private final ServerSettings settings;
    private final Batcher<Asked, GateDecision> batcher;

    Decisions(ServerSettings settings) {
        this.settings = settings;
        this.batcher = settings.batching()
                ? new Batcher<>("gates", 2, Decisions::decide, settings.batchWindow(), MOST, searched -> { }) : null;
    }

    /** What {@code policy} decides for each vector, in their order. */
    List<GateDecision> decide(GatePolicy policy, List<float[]> vectors) {
        if (batcher == null) {
            return policy.decideAll(vectors);
        }
        return batcher.answer(vectors.stream().map(vector -> new Asked(policy, vector)).toList(), settings.limits().timeout());
    }

    /** Each gate's questions in one search, the answers put back in the questions' order. */
    private static List<GateDecision> decide(List<Asked> asked) {
        Map<GatePolicy, List<Integer>> byGate = new IdentityHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            byGate.computeIfAbsent(asked.get(i).policy(), policy -> new ArrayList<>()).add(i);
        }
        GateDecision[] decisions = new GateDecision[asked.size()];
        byGate.forEach((policy, where) -> {
            List<GateDecision> made = policy.decideAll(where.stream().map(i -> asked.get(i).vector()).toList());
            for (int k = 0; k < where.size(); k++) {
                decisions[where.get(k)] = made.get(k);
            }
        });
        return List.of(decisions);
    }

    @Override
    public void close() {
        if (batcher != null) {
            batcher.close();
        }
    }
}
