package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.cache.CachingEmbedder;
import org.embex.corpus.Corpus;
import org.embex.embed.Embedding;
import org.embex.model.Role;
import org.embex.vectors.NpyWriter;

/** Embeds every row of a file into the cache, and optionally writes the vectors as a NumPy matrix. */
@Command(name = "embed", header = "Embed every row of a file into the vector cache (and optionally a .npy file).")
final class EmbedCommand implements Runnable {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV, TSV, JSONL, text file, or a folder of .txt/.md files.")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.npy",
            description = "Also write the vectors: float32, one row per text, in file order.")
    private Path target;

    @Option(names = "--role", defaultValue = "text", paramLabel = "ROLE",
            description = "How the texts are used, for models with prefixes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Role role;

    @Override
    public void run() {
        Corpus corpus = columns.read(file);
        try (EmbeddingSession session = EmbeddingSession.open(model, cache)) {
            session.cache().recordCorpus(file, columns.describe(file), corpus.rows().size());
            long started = System.nanoTime();
            ProgressBar bar = output.progress("embedding");
            CachingEmbedder.EmbedRun run = session.source().run(corpus.texts(), role, bar);
            bar.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Embedding> embeddings = run.embeddings();
            var descriptor = session.embedder().descriptor();
            if (target != null) {
                NpyWriter.write(target, embeddings.stream().map(Embedding::vector).toList(), descriptor.dims());
            }

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", descriptor.id());
            result.put("texts", embeddings.size());
            result.put("embedded", run.embedded());
            result.put("cached", run.cached());
            result.put("seconds", seconds);
            result.put("texts_per_second", embeddings.size() / Math.max(seconds, 1e-9));
            result.put("truncated", embeddings.stream().filter(Embedding::truncated).count());
            result.put("unknown_token_share", embeddings.stream().mapToDouble(Embedding::unknownShare).average().orElse(0));
            result.put("dims", descriptor.dims());
            result.put("cache", session.cache().file().toString());
            if (target != null) {
                result.put("output", target.toString());
            }
            if (output.json) {
                output.printJson(result);
            } else {
                output.out().printf("%d texts with %s in %.1f s (%.0f texts/s): %d embedded, %d from the cache%s%n",
                        embeddings.size(), descriptor.id(), seconds, result.get("texts_per_second"), run.embedded(),
                        run.cached(), target == null ? "" : " -> " + target);
                TextReport.warnCorpus(output.out(), embeddings, descriptor);
            }
        }
    }
}
