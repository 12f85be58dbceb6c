package org.embex.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.model.Role;
import org.embex.progress.CancellationToken;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.VectorExport;
import org.embex.usecase.Workspace;

/** Embeds a corpus into the cache, and optionally into a .npy file. */
@Command(name = "embed", header = "Embed every row of a file into the vector cache (and optionally a .npy file).",
        description = "texts counts rows; a text that occurs several times is embedded and cached once, so embedded + cached "
                + "counts distinct texts.")
final class EmbedCommand implements Runnable, ShowsSkippedRows {

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

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Also write the vectors, one row per text in file order: OUT.npy holds them alone (float32);"
                    + " OUT.parquet holds id, text, label, metadata and the vectors, with the model's id and fingerprint.")
    private Path target;

    @Option(names = "--role", defaultValue = "text", paramLabel = "ROLE",
            description = "How the texts are used, for models with prefixes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Role role;

    @Override
    public void run() {
        CorpusSpec spec = columns.spec(file);
        try (Workspace workspace = model.workspace(cache)) {
            ProgressBar bar = output.progress("embedding");
            EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, spec, spec.read(), model.model, role, bar,
                    CancellationToken.none());
            bar.finish();
            SkippedRows.warn(output, corpus.corpus());
            CorpusWarnings.print(output, workspace, corpus);
            if (target != null) {
                VectorExport.write(corpus, target);
            }
            EmbeddedCorpus.EmbedRun run = corpus.run();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", corpus.model());
            result.put("texts", corpus.size());
            SkippedRows.put(result, corpus.corpus());
            result.put("distinct", run.distinct());
            result.put("embedded", run.embedded());
            result.put("cached", run.cached());
            result.put("seconds", run.seconds());
            result.put("texts_per_second", corpus.size() / Math.max(run.seconds(), 1e-9));
            result.put("truncated", corpus.diagnostics().truncated());
            result.put("unknown_token_share", corpus.diagnostics().unknownShare());
            result.put("dims", corpus.dims());
            result.put("cache", workspace.cacheFile().toString());
            if (target != null) {
                result.put("output", target.toString());
            }
            if (output.json) {
                output.printJson(result);
            } else {
                output.out().printf("%,d texts with %s in %.1f s (%.0f texts/s): %,d distinct, %,d embedded, %,d from the cache%s%n",
                        corpus.size(), corpus.model(), run.seconds(), result.get("texts_per_second"), run.distinct(),
                        run.embedded(), run.cached(), target == null ? "" : " -> " + target);
            }
        }
    }
}
