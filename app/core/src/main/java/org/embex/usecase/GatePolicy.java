package org.embex.usecase;

import java.nio.file.Path;
import java.util.List;

import org.embex.BadInputException;
import org.embex.embed.EmbeddingModel;
import org.embex.gate.GateDecision;
import org.embex.gate.GateFile;
import org.embex.gate.IntentGate;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.vectors.ProjectedCosineSearch;

/**
 * An exported gate applied to incoming texts: each is accepted or refused by its score against
 * the gate's threshold, with its nearest intent. The gate must have been made with the model as
 * it is installed now (same fingerprint), or its threshold would not mean what it meant.
 */
public final class GatePolicy {

    /**
     * Questions decided before the anchors' search is built: it takes about 0.3 s for 15,000 anchors and
     * saves about 0.8 ms a question, so a command that decides one line never waits for it.
     */
    private static final int SEARCH_AFTER = 32;

    private final IntentGate gate;
    private final EmbeddingModel embedder;
    /** The anchors' search, once this policy has decided {@link #SEARCH_AFTER} questions (decision 0015). */
    private ProjectedCosineSearch anchors;
    private long decided;

    private GatePolicy(IntentGate gate, EmbeddingModel embedder) {
        this.gate = gate;
        this.embedder = embedder;
    }

    /** Writes a gate to a file, as the workbench's export and {@code eval gate --export} do. */
    public static void export(IntentGate gate, Path file) {
        GateFile.write(gate, file);
    }

    public static GatePolicy open(Workspace workspace, Path file) {
        IntentGate gate = GateFile.read(file);
        ModelFolder model = workspace.installed(gate.modelId());
        if (gate.anchors().dims() != model.descriptor().dims()) {
            throw new BadInputException(file + ": field 'dims' is " + gate.anchors().dims() + ", but " + gate.modelId()
                    + " makes vectors of " + model.descriptor().dims());
        }
        if (!workspace.fingerprint(model).hex().equals(gate.fingerprint())) {
            throw new BadInputException(file + " was made with another version of " + gate.modelId()
                    + " (fingerprint differs); export the gate again");
        }
        return new GatePolicy(gate, workspace.embedder(gate.modelId()));
    }

    public GateDecision decide(String text) {
        return decideAll(List.of(embedder.embed(text, Role.TEXT).vector())).get(0);
    }

    /**
     * The decisions for vectors already made with {@link #modelId()}'s model, in one batched search
     * over the anchors: {@link IntentGate#decideAll}'s, found reading a fraction of the anchors once
     * the policy has decided a few dozen questions (the same decisions either way, to the last bit).
     */
    public List<GateDecision> decideAll(List<float[]> vectors) {
        ProjectedCosineSearch search = search(vectors.size());
        return search == null ? gate.decideAll(vectors)
                : search.nearest(vectors, 1).stream().map(nearest -> gate.decisionFor(nearest.get(0))).toList();
    }

    /** The anchors' search, built when the questions decided reach {@link #SEARCH_AFTER}; null before. */
    private synchronized ProjectedCosineSearch search(int asked) {
        decided += asked;
        if (anchors == null && decided >= SEARCH_AFTER) {
            anchors = ProjectedCosineSearch.of(gate.anchors());
        }
        return anchors;
    }

    /** The model queries must be embedded with. */
    public String modelId() {
        return gate.modelId();
    }

    /** The gate as read from its file. */
    public IntentGate gate() {
        return gate;
    }
}
