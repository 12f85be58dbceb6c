package org.embex.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.Seed;
import org.embex.cli.CacheOptions;
import org.embex.cli.ColumnOptions;
import org.embex.cli.CorpusWarnings;
import org.embex.cli.ModelOptions;
import org.embex.cli.OutOfScopeOption;
import org.embex.cli.OutputOptions;
import org.embex.cli.ProgressBar;
import org.embex.cli.ShowsSkippedRows;
import org.embex.cli.SkippedRows;
import org.embex.corpus.Corpus;
import org.embex.corpus.RowFilter;
import org.embex.desktop.figure.FigureFormat;
import org.embex.desktop.plot.Plots;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.progress.CancellationToken;
import org.embex.threshold.Confusion;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Layouts;
import org.embex.usecase.ModelPair;
import org.embex.usecase.SideBySide;
import org.embex.usecase.ThresholdStudy;
import org.embex.usecase.Workspace;

/** The explorer's views as figures for a report (PNG, SVG, PDF), without a screen. */
@Command(name = "plot", header = "Draw the explorer's map, threshold study or model comparison as a figure (PNG, SVG or PDF).",
        description = "The window's views as figures for a report, without a screen; the layout comes from the cache when 'project' or "
                + "the window made it before.")
final class PlotCommand implements Runnable, ShowsSkippedRows {

    @Mixin
    private ModelOptions model;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private CacheOptions cache;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE")
    private Path file;

    /** The most pixels a PNG figure may have: its image and a map's raster layer, 4 bytes each, stay near a gigabyte. */
    private static final long MAX_PIXELS = 150_000_000;

    @Option(names = "--view", defaultValue = "map", paramLabel = "VIEW",
            description = "What to draw: map (default), roc (the threshold workbench) or compare (two models side by side).")
    private String view;

    @Option(names = "--against", paramLabel = "MODEL",
            description = "The second model: required for --view compare; for --view roc its curves are overlaid.")
    private String against;

    @Option(names = {OutOfScopeOption.NAME, OutOfScopeOption.ALIAS}, paramLabel = "LABEL",
            description = OutOfScopeOption.DESCRIPTION)
    private String outOfScope;

    @Option(names = "--method", defaultValue = "umap", paramLabel = "METHOD", description = "umap, tsne or pca (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--color", paramLabel = "COL",
            description = "label, cluster, none, or a column of FILE (default: label when the corpus has labels); "
                    + "for --view compare: label or agreement (how far the two models' neighbours agree).")
    private String colour;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "map.png",
            description = "The figure to write, a PNG, SVG or PDF by its name (map.png, map.svg, map.pdf).")
    private Path target;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "X",
            description = "Pixels per point of a PNG, for high-DPI screens and print (default: ${DEFAULT-VALUE}).")
    private double scale;

    @Option(names = "--width", defaultValue = "1600", paramLabel = "PT", description = "Figure width in points, a PNG's pixels at scale 1 (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", defaultValue = "1000", paramLabel = "PT", description = "Figure height in points (default: ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--dark", description = "Draw on the window's dark theme, for slides and dark pages (default: light, for print).")
    private boolean dark;

    @Override
    public void run() {
        String chosenView = view.toLowerCase(Locale.ROOT);
        if (!List.of("map", "roc", "compare").contains(chosenView)) {
            throw new BadInputException("unknown view '" + view + "', expected map, roc or compare");
        }
        if (!(scale > 0 && scale <= 8)) {
            throw new BadInputException("--scale is between 0 and 8 pixels a point, was " + scale);
        }
        // Before anything is embedded: a figure's format comes from the name, and a PNG must fit in memory.
        if (FigureFormat.of(target) == FigureFormat.PNG && (double) width * height * scale * scale > MAX_PIXELS) {
            throw new BadInputException(String.format("a PNG of %,.0f × %,.0f pixels (--width × --scale by --height × --scale) is over the "
                    + "%,d million embex draws; lower --scale or the size", width * scale, height * scale, MAX_PIXELS / 1_000_000));
        }
        if (chosenView.equals("compare") && against == null) {
            throw new BadInputException("--view compare needs a second model: --against MODEL");
        }
        LayoutMethod chosen = LayoutMethod.parse(method);
        Plots.Canvas canvas = new Plots.Canvas(width, height, dark);
        CorpusSpec filtered = columns.spec(file);
        // The map of a filtered view is the whole corpus's map with the other rows hidden, as the
        // window shows it; the threshold study and the comparison see only the rows that pass.
        CorpusSpec spec = chosenView.equals("map") ? filtered.where(RowFilter.ALL) : filtered;
        Corpus rows = spec.read();
        Layouts.check(rows);
        try (Workspace workspace = model.workspace(cache)) {
            ProgressBar embedding = output.progress("embedding");
            EmbeddedCorpus embedded = CorpusEmbedding.embed(workspace, spec, rows, model.model, embedding, CancellationToken.none());
            embedding.finish();
            SkippedRows.warn(output, embedded.corpus());
            CorpusWarnings.print(output, workspace, embedded);
            if (chosenView.equals("roc")) {
                plotRoc(workspace, embedded, canvas);
                return;
            }
            ProgressBar laying = output.progress(chosen.label());
            Layout layout = Layouts.defaults(workspace).make(embedded, chosen, LayoutWatch.of(laying)).layout();
            laying.finish();
            if (chosenView.equals("compare")) {
                plotCompare(workspace, embedded, layout, chosen, canvas);
                return;
            }
            String coloured = Plots.map(embedded, layout, filtered.where(), colour, file.getFileName() + " — " + chosen.label() + " map", canvas,
                    target, scale);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("view", "map");
            result.put("method", chosen.key());
            result.put("model", embedded.model());
            result.put("points", embedded.size());
            int shown = filtered.where().all() ? embedded.size() : filtered.where().matches(embedded.corpus()).cardinality();
            result.put("shown", shown);
            result.put("colour", coloured);
            result.put("output", target.toString());
            String points = shown == embedded.size() ? String.format("%,d points", shown)
                    : String.format("%,d of %,d points (%s)", shown, embedded.size(), filtered.where().describe());
            report(result, String.format("wrote %s: %s map of %s, coloured by %s", target, chosen.label(), points, coloured), embedded);
        }
    }

    private void plotRoc(Workspace workspace, EmbeddedCorpus embedded, Plots.Canvas canvas) {
        List<EmbeddedCorpus> models = new ArrayList<>(List.of(embedded));
        if (against != null) {
            ProgressBar second = output.progress("embedding with " + against);
            models.add(CorpusEmbedding.embed(workspace, embedded.spec(), embedded.read(), against, second,
                    CancellationToken.none()));
            second.finish();
        }
        List<ThresholdStudy> studies = ThresholdStudy.ofEach(models, Optional.ofNullable(outOfScope), OutOfScopeOption.HINT,
                Seed.DEFAULT);
        Plots.roc(studies, canvas, target, scale);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("view", "roc");
        result.put("source", studies.get(0).source());
        Map<String, Object> aurocs = new LinkedHashMap<>();
        studies.forEach(study -> aurocs.put(study.model(), study.curve().auc()));
        result.put("auroc", aurocs);
        // The figure's numbers: each model's curve and its operating point as the figure marks it.
        List<Map<String, Object>> figures = new ArrayList<>();
        for (ThresholdStudy study : studies) {
            Confusion at = study.curve().youden().confusion();
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("model", study.model());
            figure.put("auroc", study.curve().auc());
            figure.put("average_precision", study.curve().averagePrecision());
            figure.put("youden_threshold", at.threshold());
            figure.put("tpr", at.tpr());
            figure.put("fpr", at.fpr());
            figure.put("precision", at.precision());
            figure.put("f1", at.f1());
            figure.put("accuracy", at.accuracy());
            figure.put("confusion", Map.of("true_positives", at.truePositives(), "false_negatives", at.falseNegatives(),
                    "false_positives", at.falsePositives(), "true_negatives", at.trueNegatives()));
            figures.add(figure);
        }
        result.put("models", figures);
        result.put("output", target.toString());
        StringBuilder line = new StringBuilder(String.format("wrote %s: ROC of %s (%s); AUROC", target,
                studies.get(0).model(), studies.get(0).source()));
        studies.forEach(study -> line.append(String.format(" %s %.4f", study.model(), study.curve().auc())));
        report(result, line.toString(), embedded);
    }

    private void plotCompare(Workspace workspace, EmbeddedCorpus embedded, Layout layout, LayoutMethod chosen,
                             Plots.Canvas canvas) {
        String coloured = colour == null ? (embedded.labelled() ? "label" : "agreement") : colour.toLowerCase(Locale.ROOT);
        if (!List.of("label", "agreement").contains(coloured)) {
            // Before the second model embeds anything: the compare view has these two colourings only.
            throw new BadInputException("--color for --view compare is label or agreement, not '" + colour + "'");
        }
        if (coloured.equals("label") && !embedded.labelled()) {
            throw new BadInputException(file + " has no labels to colour by; --color agreement colours by neighbour agreement");
        }
        ProgressBar second = output.progress("embedding with " + against);
        ModelPair pair = ModelPair.of(workspace, embedded, against, Optional.empty(), org.embex.vectors.Metric.COSINE,
                Optional.ofNullable(outOfScope), Seed.DEFAULT, second, CancellationToken.none());
        second.finish();
        Plots.compare(SideBySide.of(workspace, pair, layout, chosen, CancellationToken.none()), canvas, target,
                coloured.equals("agreement"), scale);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("view", "compare");
        result.put("colour", coloured);
        result.put("models", List.of(pair.first().model(), pair.second().model()));
        result.put("neighbour_overlap_mean", pair.comparison().meanOverlap());
        result.put("output", target.toString());
        report(result, String.format("wrote %s: %s vs %s, %d-NN overlap mean %.3f, coloured by %s", target, pair.first().model(),
                pair.second().model(), pair.comparison().k(), pair.comparison().meanOverlap(), coloured), embedded);
    }

    private void report(Map<String, Object> result, String line, EmbeddedCorpus corpus) {
        if (output.json) {
            SkippedRows.put(result, corpus.corpus());
            output.printJson(result);
        } else {
            output.out().println(line);
        }
    }
}
