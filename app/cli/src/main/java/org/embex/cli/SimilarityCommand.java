package org.embex.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.embex.usecase.Similarity;
import org.embex.usecase.Workspace;

/** The similarity of two texts under one model. */
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
        try (Workspace workspace = model.workspace()) {
            Similarity similarity = Similarity.of(workspace, model.model, textA, textB);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", similarity.model().id());
            result.put("cosine", similarity.cosine());
            result.put("dot", similarity.dot());
            result.put("l2", similarity.l2());
            result.put("texts", List.of(TextReport.of(textA, similarity.first()), TextReport.of(textB, similarity.second())));
            if (output.json) {
                output.printJson(result);
                return;
            }
            var out = output.out();
            out.printf("cosine %.4f   dot %.4f   l2 %.4f   (%s)%n", similarity.cosine(), similarity.dot(), similarity.l2(),
                    similarity.model().id());
            TextReport.warn(output.err(), "A", similarity.first(), similarity.model());
            TextReport.warn(output.err(), "B", similarity.second(), similarity.model());
        }
    }
}
