package org.embex.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2.E5SmallV2EmbeddingModel;

import org.embex.eval.Correlation;
import org.embex.eval.StsResult;
import org.embex.model.ModelFolder;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.PairColumns;
import org.embex.usecase.StsScores;
import org.embex.usecase.StsStudy;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/**
 * STS Spearman of embex beside LangChain4j's in-process model of the same id, on the same file:
 * an independent check of the whole pipeline on real data. Usage: {@code FILE MODEL} with a
 * header-less CSV of sentence1, sentence2, score (the STS-B layout in shared/datasets):
 * {@code bench/run sts FILE MODEL}.
 */
public final class StsComparison {

    private static final Map<String, Supplier<EmbeddingModel>> REFERENCES = Map.of(
            "all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new,
            "bge-small-en-v1.5", BgeSmallEnV15EmbeddingModel::new,
            "bge-small-zh-v1.5", BgeSmallZhV15EmbeddingModel::new,
            "e5-small-v2", E5SmallV2EmbeddingModel::new);

    private StsComparison() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 2) {
            System.err.println("usage: bench/run sts FILE MODEL");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("embex.root", "."));
        Path file = Path.of(args[0]);
        PairColumns.Pairs pairs = PairColumns.scores().withHeader(false).read(file);
        List<String> left = pairs.left();
        List<String> right = pairs.right();
        double[] gold = StsScores.of(pairs);

        StsResult ours;
        ModelFolder model;
        // A cache of this run's own, so that every vector is computed here and not read from an earlier run.
        Path scratch = Files.createTempDirectory("embex-sts");
        try (Workspace workspace = Workspace.open(root.resolve("models"), scratch.resolve("vectors.sqlite"))) {
            model = workspace.installed(args[1]);
            ours = StsStudy.of(workspace, args[1], pairs, ProgressListener.NONE, CancellationToken.none());
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        double theirs = referenceSpearman(REFERENCES.get(model.id()).get(), model.descriptor().prefixes().text(),
                left, right, gold);
        // Spearman × 100, as STS papers and MTEB print it.
        System.out.printf("%-20s %-28s pairs %5d   embex Spearman %.2f  Pearson %.2f   LangChain4j Spearman %.2f%n",
                model.id(), file.getFileName(), ours.pairs(), 100 * ours.spearman(), 100 * ours.pearson(), theirs);
    }

    private static double referenceSpearman(EmbeddingModel reference, String prefix, List<String> left,
                                            List<String> right, double[] gold) {
        Set<String> distinct = new LinkedHashSet<>(left);
        distinct.addAll(right);
        List<String> sentences = new ArrayList<>(distinct);
        List<TextSegment> segments = sentences.stream().map(s -> TextSegment.from(prefix + s)).toList();
        var embeddings = reference.embedAll(segments).content();
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            vectors.put(sentences.get(i), embeddings.get(i).vector());
        }
        double[] predicted = new double[gold.length];
        for (int i = 0; i < gold.length; i++) {
            predicted[i] = Metric.cosine(vectors.get(left.get(i)), vectors.get(right.get(i)));
        }
        return 100 * Correlation.spearman(predicted, gold);
    }
}
