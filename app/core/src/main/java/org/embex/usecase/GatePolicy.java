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

    private final IntentGate gate;
    /** The anchors' search, built once: a served gate answers many questions (decision 0015). */
    private final ProjectedCosineSearch anchors;
    private final EmbeddingModel embedder;

    private GatePolicy(IntentGate gate, EmbeddingModel embedder) {
        this.gate = gate;
        this.anchors = ProjectedCosineSearch.of(gate.anchors());
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
     * over the anchors: {@link IntentGate#decideAll}'s, found reading a fraction of the anchors.
     */
    public List<GateDecision> decideAll(List<float[]> vectors) {
        return anchors.nearest(vectors, 1).stream().map(nearest -> gate.decisionFor(nearest.get(0))).toList();
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
