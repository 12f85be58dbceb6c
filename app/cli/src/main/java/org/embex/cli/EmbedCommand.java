package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.corpus.TableReader;
import org.embex.corpus.TextRow;
import org.embex.embed.Embedder;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.vectors.NpyWriter;

/** Embeds every row of a file and writes the vectors as a NumPy matrix. */
@Command(name = "embed", header = "Embed every row of a CSV, TSV, JSONL or text file.")
final class EmbedCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.npy",
            description = "Where to write the vectors: float32, one row per text, in file order.")
    private Path target;

    @Option(names = "--role", defaultValue = "text", paramLabel = "ROLE",
            description = "How the texts are used, for models with prefixes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Role role;

    @Override
    public void run() {
        List<TextRow> rows = columns.choice().apply(TableReader.read(file, !columns.noHeader));
        try (Embedder embedder = model.open()) {
            long started = System.nanoTime();
            ProgressBar bar = output.progress("embedding");
            List<Embedding> embeddings = embedder.embed(rows.stream().map(TextRow::text).toList(), role, bar);
            bar.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            NpyWriter.write(target, embeddings.stream().map(Embedding::vector).toList(), embedder.descriptor().dims());

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", embedder.descriptor().id());
            result.put("texts", rows.size());
            result.put("dims", embedder.descriptor().dims());
            result.put("output", target.toString());
            result.put("seconds", seconds);
            result.put("texts_per_second", rows.size() / Math.max(seconds, 1e-9));
            result.put("truncated", embeddings.stream().filter(Embedding::truncated).count());
            result.put("unknown_token_share", embeddings.stream().mapToDouble(Embedding::unknownShare).average().orElse(0));
            if (output.json) {
                output.printJson(result);
            } else {
                output.out().printf("%d texts embedded with %s in %.1f s (%.0f texts/s) -> %s%n", rows.size(),
                        result.get("model"), seconds, result.get("texts_per_second"), target);
                TextReport.warnCorpus(output.out(), embeddings, embedder.descriptor());
            }
        }
    }
}
