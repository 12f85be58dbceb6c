package org.embex.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.embex.embed.Embedder;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.vectors.Metric;

/** How similar two texts are, by cosine, dot product and L2 distance. */
@Command(name = "similarity", header = "Compare two texts: cosine, dot product, L2 distance.")
final class SimilarityCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "TEXT_A")
    private String textA;

    @Parameters(index = "1", paramLabel = "TEXT_B")
    private String textB;

    @Override
    public void run() {
        try (Embedder embedder = model.open()) {
            List<Embedding> pair = embedder.embed(List.of(textA, textB), Role.TEXT);
            Embedding a = pair.get(0);
            Embedding b = pair.get(1);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", embedder.descriptor().id());
            result.put("cosine", Metric.cosine(a.vector(), b.vector()));
            result.put("dot", Metric.dot(a.vector(), b.vector()));
            result.put("l2", Metric.l2(a.vector(), b.vector()));
            result.put("texts", List.of(TextReport.of(textA, a), TextReport.of(textB, b)));
            if (output.json) {
                output.printJson(result);
                return;
            }
            var out = output.out();
            out.printf("cosine %.4f   dot %.4f   l2 %.4f   (%s)%n", result.get("cosine"), result.get("dot"),
                    result.get("l2"), embedder.descriptor().id());
            TextReport.warn(out, "A", a, embedder.descriptor());
            TextReport.warn(out, "B", b, embedder.descriptor());
        }
    }
}
