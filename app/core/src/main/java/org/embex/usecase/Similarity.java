package org.embex.usecase;

import java.util.List;

import org.embex.embed.Embedding;
import org.embex.model.ModelDescriptor;
import org.embex.model.Role;
import org.embex.vectors.Metric;

/** Two texts compared under one model, by every metric. */
public record Similarity(ModelDescriptor model, Embedding first, Embedding second) {

    public static Similarity of(Workspace workspace, String model, String first, String second) {
        var embedder = workspace.embedder(model);
        List<Embedding> pair = embedder.embed(List.of(first, second), Role.TEXT);
        return new Similarity(embedder.descriptor(), pair.get(0), pair.get(1));
    }

    public double cosine() {
        return Metric.cosine(first.vector(), second.vector());
    }

    public double dot() {
        return Metric.dot(first.vector(), second.vector());
    }

    public double l2() {
        return Metric.l2(first.vector(), second.vector());
    }
}
