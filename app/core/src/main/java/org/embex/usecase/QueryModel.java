package org.embex.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.vectorfile.VectorSource;
import org.embex.vectors.Metric;

/**
 * The model that places typed queries among vectors a file brought. A file's vectors carry no
 * model, so a user names the installed one that made them, and embex checks the claim before it
 * trusts it: a sample of the corpus's texts is embedded and compared, row by row, with the file's
 * vectors. Only a model that gives the same vectors (cosine at least {@link #SAME} for every
 * sampled text) is taken; otherwise the refusal says by how much they differ.
 */
public final class QueryModel {

    /** Float32 vectors of one model on one text agree to about 1e-6; other models or settings fall far below. */
    public static final double SAME = 0.99;

    /** Texts sampled, spread evenly over the corpus: enough to catch another model, quick to embed. */
    public static final int SAMPLE = 32;

    private QueryModel() {
    }

    /** What the check found. */
    public record Check(String model, int sampled, double mean, double min) {

        public boolean holds() {
            return min >= SAME;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s on %d sampled texts: cosine with the file's vectors mean %.4f, lowest %.4f",
                    model, sampled, mean, min);
        }
    }

    /** Whether queries among {@code corpus} need a model named first: its vectors came from a file and none was. */
    public static boolean needed(EmbeddedCorpus corpus) {
        return VectorSource.names(corpus.modelRef());
    }

    /** What a face says where a query was asked among vectors that have no query model yet. */
    public static String missing(EmbeddedCorpus corpus) {
        return corpus.model() + " holds vectors from " + corpus.spec().file().getFileName() + ", not a model, so nothing embeds"
                + " a query among them; name the installed model that made them (embex checks it gives the same vectors)";
    }

    /**
     * The corpus with {@code model} as its query model when the check holds.
     *
     * @throws BadInputException with the figures when the model does not give the file's vectors
     */
    public static EmbeddedCorpus claim(Workspace workspace, EmbeddedCorpus corpus, String model, ProgressListener progress,
                                       CancellationToken cancellation) {
        Check check = check(workspace, corpus, model, progress, cancellation);
        if (!check.holds()) {
            throw new BadInputException("the vectors of " + corpus.model() + " were not made by " + check.model() + ": " + check.describe()
                    + " (the same model gives at least " + SAME + " for every text)");
        }
        ModelFolder folder = workspace.installed(model);
        return new EmbeddedCorpus(corpus.spec(), corpus.corpus(), corpus.read(), corpus.model(), Workspace.reference(folder),
                corpus.fingerprint(), corpus.search(), corpus.diagnostics(), corpus.run());
    }

    /** Embeds a sample of the corpus's texts with {@code model} and compares them with the file's vectors. */
    public static Check check(Workspace workspace, EmbeddedCorpus corpus, String model, ProgressListener progress,
                              CancellationToken cancellation) {
        ModelFolder folder = workspace.installed(model);
        if (folder.descriptor().dims() != corpus.dims()) {
            throw new BadInputException("the vectors of " + corpus.model() + " were not made by " + folder.descriptor().id() + ": it makes vectors of "
                    + folder.descriptor().dims() + " numbers, the file's have " + corpus.dims());
        }
        List<Integer> rows = sample(corpus.size());
        List<String> texts = rows.stream().map(row -> corpus.row(row).text()).toList();
        List<Embedding> embedded = workspace.source(model).embed(texts, Role.TEXT, (done, total) -> {
            cancellation.check();
            progress.progress(done, total);
        });
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            double cosine = Metric.cosine(embedded.get(i).vector(), corpus.vectors().row(rows.get(i)));
            sum += cosine;
            min = Math.min(min, cosine);
        }
        return new Check(folder.descriptor().id(), rows.size(), sum / rows.size(), min);
    }

    private static List<Integer> sample(int size) {
        List<Integer> rows = new ArrayList<>();
        int count = Math.min(SAMPLE, size);
        for (int i = 0; i < count; i++) {
            rows.add((int) ((long) i * size / count));
        }
        return rows;
    }
}
