package org.embex.desktop.plot;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.embex.BadInputException;
import org.embex.corpus.RowFilter;
import org.embex.desktop.figure.CompareFigure;
import org.embex.desktop.figure.FigureFile;
import org.embex.desktop.figure.FigureTheme;
import org.embex.desktop.figure.MapFigure;
import org.embex.desktop.figure.Pen;
import org.embex.desktop.figure.ThresholdFigure;
import org.embex.desktop.map.ColourBy;
import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.MapLabels;
import org.embex.layout.Layout;
import org.embex.usecase.Clusters;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.SideBySide;
import org.embex.usecase.ThresholdStudy;

/**
 * The window's views as figures for a report, for a face without a screen ({@code plot}): the
 * map, the threshold study and two models side by side, each one Java2D drawing written as PNG,
 * SVG or PDF ({@link FigureFile}). No JavaFX is started: a machine with no display draws them alike.
 */
public final class Plots {

    private Plots() {
    }

    /** The size of a figure in points, and its theme. */
    public record Canvas(int width, int height, boolean dark) {

        public Canvas {
            if (width < 200 || height < 150 || width > 8000 || height > 8000) {
                throw new BadInputException("figure size " + width + "×" + height + " is outside 200×150 to 8000×8000");
            }
        }
    }

    /**
     * The layout coloured by {@code colour}, the rows that do not pass {@code where} hidden: label, cluster, none, or a column of the corpus
     * (null: label when the corpus has labels, else cluster), as a figure (PNG at {@code scale} pixels a point, SVG or PDF by the
     * name). Returns the colouring's title.
     */
    public static String map(EmbeddedCorpus corpus, Layout layout, RowFilter where, String colour, String title, Canvas canvas,
                             Path file, double scale) {
        BitSet hidden = new BitSet();
        if (!where.all()) {
            hidden.set(0, corpus.size());
            hidden.andNot(where.matches(corpus.corpus()));
        }
        if (hidden.cardinality() == corpus.size()) {
            throw new BadInputException(corpus.spec().file() + ": no row passes " + where.describe());
        }
        Coloured coloured = colouring(corpus, layout, colour, hidden);
        Colouring colouring = coloured.colouring();
        String rows = where.all() ? String.format("%,d texts", corpus.size())
                : String.format("%,d of %,d texts (%s)", corpus.size() - hidden.cardinality(), corpus.size(), where.describe());
        String subtitle = String.format("%s · %s · coloured by %s", rows, corpus.model(), colouring.title().toLowerCase(Locale.ROOT));
        FigureFile.write(new MapFigure(layout, colouring, hidden, coloured.labels(), title, subtitle, FigureTheme.of(canvas.dark()),
                canvas.width(), canvas.height()), file, scale);
        return colouring.title();
    }

    /** The threshold study as a figure (PNG at {@code scale} pixels a point, SVG or PDF by the name): the first studied, the others overlaid. */
    public static List<Pen.Placed> roc(List<ThresholdStudy> studies, Canvas canvas, Path file, double scale) {
        atLeast(canvas, 480, 360, "roc");
        return FigureFile.write(new ThresholdFigure(studies, FigureTheme.of(canvas.dark()), canvas.width(), canvas.height()), file, scale);
    }

    /** The two models side by side as a figure (PNG, SVG or PDF by the name), coloured by label or by neighbour agreement. */
    public static List<Pen.Placed> compare(SideBySide sides, Canvas canvas, Path file, boolean byAgreement, double scale) {
        atLeast(canvas, 640, 480, "compare");
        return FigureFile.write(new CompareFigure(sides, byAgreement, FigureTheme.of(canvas.dark()), canvas.width(), canvas.height()), file, scale);
    }

    /** The room a view's panels need: below it their plots would have no width. */
    private static void atLeast(Canvas canvas, int width, int height, String view) {
        if (canvas.width() < width || canvas.height() < height) {
            throw new BadInputException("--view " + view + " needs a figure of at least " + width + "×" + height + ", was " + canvas.width()
                    + "×" + canvas.height());
        }
    }

    /** A colouring and the names the map writes for it: the window's, at the zoom that shows all points. */
    private record Coloured(Colouring colouring, MapLabels labels) {

        static Coloured named(Layout layout, Colouring colouring, BitSet hidden) {
            return new Coloured(colouring, MapLabels.of(layout, colouring, hidden));
        }
    }

    private static Coloured colouring(EmbeddedCorpus corpus, Layout layout, String colour, BitSet hidden) {
        String choice = colour != null ? colour : corpus.labelled() ? "label" : "cluster";
        return switch (choice.toLowerCase(Locale.ROOT)) {
            case "label" -> Coloured.named(layout, ColourBy.label(corpus), hidden);
            case "cluster" -> {
                Clusters clusters = Clusters.of(corpus);
                int[] shown = clusters.assignments().clone();
                hidden.stream().forEach(row -> shown[row] = -1);
                yield new Coloured(ColourBy.clusters(clusters), MapLabels.of(layout, clusters.tree(corpus), shown));
            }
            case "none" -> new Coloured(Colouring.uniform(corpus.size()), MapLabels.NONE);
            default -> {
                if (!ColourBy.hasColumn(corpus, choice)) {
                    throw new BadInputException(corpus.spec().file() + ": no column '" + choice + "' to colour by; columns: "
                            + String.join(", ", List.copyOf(corpus.corpus().columns())));
                }
                yield Coloured.named(layout, ColourBy.column(corpus, choice), hidden);
            }
        };
    }
}
