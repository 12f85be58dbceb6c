package org.embex.usecase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/** The two sides of a pairs file embedded through the cache, each distinct sentence once. */
record PairEmbedding(List<float[]> left, List<float[]> right) {

    static PairEmbedding of(Workspace workspace, String model, PairColumns.Pairs pairs, ProgressListener progress,
                            CancellationToken cancellation) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(pairs.left());
        distinct.addAll(pairs.right());
        List<String> sentences = new ArrayList<>(distinct);
        List<Embedding> embeddings = workspace.source(model).embed(sentences, Role.TEXT, (done, total) -> {
            cancellation.check();
            progress.progress(done, total);
        });
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            vectors.put(sentences.get(i), embeddings.get(i).vector());
        }
        return new PairEmbedding(pairs.left().stream().map(vectors::get).toList(),
                pairs.right().stream().map(vectors::get).toList());
    }
}
