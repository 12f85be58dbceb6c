package org.embex.desktop.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.image.WritableImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.embex.BadInputException;
import org.embex.cli.CacheOptions;
import org.embex.cli.ColumnOptions;
import org.embex.cli.ModelOptions;
import org.embex.cli.OutputOptions;
import org.embex.cli.ProgressBar;
import org.embex.corpus.Corpus;
import org.embex.usecase.Clusters;
import org.embex.desktop.explore.ColourBy;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.MapMaker;
import org.embex.usecase.MapMethod;
import org.embex.usecase.ModelPair;
import org.embex.usecase.ThresholdStudy;
import org.embex.usecase.Workbench;
import org.embex.desktop.map.Colouring;
import org.embex.progress.CancellationToken;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;

/** The explorer's map of a corpus, drawn off-screen to a PNG for a report. */
@Command(name = "plot", header = "Render a view of a corpus to a PNG, without a window.",
        description = "Embeds FILE (through the cache), lays it out, and draws the same map the explorer shows, "
                + "with its legend.")
public final class PlotCommand implements Runnable {

    private static final long SEED = 42;

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

    @Option(names = "--view", defaultValue = "map", paramLabel = "VIEW",
            description = "What to draw: map (default), roc (the threshold workbench) or compare (two models side by side).")
    private String view;

    @Option(names = "--against", paramLabel = "MODEL",
            description = "The second model: required for --view compare; for --view roc its curves are overlaid.")
    private String against;

    @Option(names = "--out-of-scope", defaultValue = "out_of_scope", paramLabel = "LABEL",
            description = "The label of texts a gate must refuse, for --view roc and the compare metrics (default: ${DEFAULT-VALUE}).")
    private String outOfScope;

    @Option(names = "--method", defaultValue = "umap", paramLabel = "METHOD", description = "umap, tsne or pca (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--color", paramLabel = "COL",
            description = "label, cluster, none, or a column of FILE (default: label when the corpus has labels).")
    private String colour;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "map.png", description = "The PNG to write.")
    private Path target;

    @Option(names = "--width", defaultValue = "1600", paramLabel = "PX", description = "Image width (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", defaultValue = "1000", paramLabel = "PX", description = "Image height (default: ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--dark", description = "Use the dark theme.")
    private boolean dark;

    @Override
    public void run() {
        String chosenView = view.toLowerCase(Locale.ROOT);
        if (!List.of("map", "roc", "compare").contains(chosenView)) {
            throw new BadInputException("unknown view '" + view + "', expected map, roc or compare");
        }
        if (chosenView.equals("compare") && against == null) {
            throw new BadInputException("--view compare needs a second model: --against MODEL");
        }
        MapMethod chosen = method(method);
        if (width < 200 || height < 150 || width > 8000 || height > 8000) {
            throw new BadInputException("image size " + width + "×" + height + " is outside 200×150 to 8000×8000");
        }
        Corpus corpus = columns.read(file);
        if (corpus.rows().size() < 2) {
            throw new BadInputException(file + ": a map needs at least two rows");
        }
        CorpusSpec spec = new CorpusSpec(file, columns.readOptions(), columns.choice());
        try (Workbench workbench = Workbench.open(model.catalogue().directory(), cache.file())) {
            ProgressBar embedding = output.progress("embedding");
            EmbeddedCorpus embedded = CorpusEmbedding.embed(workbench, spec, corpus, model.installed().id(), embedding,
                    CancellationToken.none());
            embedding.finish();
            if (chosenView.equals("roc")) {
                plotRoc(workbench, spec, corpus, embedded);
                return;
            }
            ProgressBar projecting = output.progress(chosen.label());
            Layout layout = new MapMaker(workbench, SEED).make(embedded, chosen, LayoutWatch.of(projecting));
            projecting.finish();
            if (chosenView.equals("compare")) {
                plotCompare(workbench, embedded, layout, chosen);
                return;
            }
            Colouring colouring = colouring(embedded);
            String title = file.getFileName() + " — " + chosen.label() + " map";
            String subtitle = String.format("%,d texts · %s · coloured by %s", embedded.size(), embedded.model(),
                    colouring.title().toLowerCase(Locale.ROOT));
            WritableImage image = Offscreen.call(() -> MapPicture.draw(layout, colouring, title, subtitle, width, height, dark));
            PngFile.write(image, target);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("view", "map");
            result.put("method", chosen.key());
            result.put("model", embedded.model());
            result.put("points", embedded.size());
            result.put("colour", colouring.title());
            result.put("output", target.toString());
            if (output.json) {
                output.printJson(result);
            } else {
                output.out().printf("wrote %s: %s map of %,d points, coloured by %s%n", target, chosen.label(), embedded.size(),
                        colouring.title());
            }
        }
    }

    private void plotRoc(Workbench workbench, CorpusSpec spec, Corpus corpus, EmbeddedCorpus embedded) {
        List<EmbeddedCorpus> models = new ArrayList<>(List.of(embedded));
        if (against != null) {
            ProgressBar second = output.progress("embedding with " + against);
            models.add(CorpusEmbedding.embed(workbench, spec, corpus, model.catalogue().findInstalled(against).id(), second,
                    CancellationToken.none()));
            second.finish();
        }
        List<ThresholdStudy> studies = models.stream().map(m -> ThresholdStudy.gate(m, outOfScope)
                .or(() -> ThresholdStudy.labelPairs(m, 5000, SEED))
                .orElseThrow(() -> new BadInputException(file + ": the roc view needs a label column with at least two labels")))
                .toList();
        WritableImage image = Offscreen.call(() -> Pictures.roc(studies, width, height, dark));
        PngFile.write(image, target);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("view", "roc");
        result.put("source", studies.get(0).source());
        Map<String, Object> aurocs = new LinkedHashMap<>();
        studies.forEach(study -> aurocs.put(study.model(), study.curve().auc()));
        result.put("auroc", aurocs);
        result.put("output", target.toString());
        report(result, String.format("wrote %s: ROC of %s (%s), AUROC %s", target, studies.get(0).model(), studies.get(0).source(),
                aurocs));
    }

    private void plotCompare(Workbench workbench, EmbeddedCorpus embedded, Layout layout, MapMethod chosen) {
        ProgressBar second = output.progress("embedding with " + against);
        ModelPair pair = ModelPair.of(workbench, embedded, layout, model.catalogue().findInstalled(against).id(), chosen,
                outOfScope, SEED, second, CancellationToken.none());
        second.finish();
        WritableImage image = Offscreen.call(() -> Pictures.compare(pair, width, height, dark));
        PngFile.write(image, target);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("view", "compare");
        result.put("models", List.of(pair.first().model(), pair.second().model()));
        result.put("neighbour_overlap_mean", pair.comparison().meanOverlap());
        result.put("output", target.toString());
        report(result, String.format("wrote %s: %s vs %s, 10-NN overlap mean %.3f", target, pair.first().model(),
                pair.second().model(), pair.comparison().meanOverlap()));
    }

    private void report(Map<String, Object> result, String line) {
        if (output.json) {
            output.printJson(result);
        } else {
            output.out().println(line);
        }
    }

    private static MapMethod method(String name) {
        for (MapMethod candidate : MapMethod.values()) {
            if (candidate.key().equalsIgnoreCase(name) || candidate.label().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        throw new BadInputException("unknown projection method '" + name + "', expected umap, tsne or pca");
    }

    private Colouring colouring(EmbeddedCorpus corpus) {
        String choice = colour != null ? colour : ColourBy.labelled(corpus) ? "label" : "cluster";
        return switch (choice.toLowerCase(Locale.ROOT)) {
            case "label" -> ColourBy.label(corpus);
            case "cluster" -> ColourBy.clusters(Clusters.of(corpus, Clusters.defaultCount(corpus.size()), SEED));
            case "none" -> Colouring.uniform(corpus.size());
            default -> {
                if (!ColourBy.hasColumn(corpus, choice)) {
                    throw new BadInputException(file + ": no column '" + choice + "' to colour by; columns: "
                            + String.join(", ", List.copyOf(corpus.corpus().columns())));
                }
                yield ColourBy.column(corpus, choice);
            }
        };
    }
}
