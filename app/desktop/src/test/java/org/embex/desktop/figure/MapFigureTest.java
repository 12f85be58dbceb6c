package org.embex.desktop.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import org.embex.desktop.Fixtures;
import org.embex.desktop.map.ColourBy;
import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.MapLabels;
import org.embex.desktop.map.Palette;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Layouts;
import org.embex.usecase.Workspace;

/** The English sample's map as a figure, in each format and theme, and a hundred-thousand-point map's raster layer. */
class MapFigureTest {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    private static final List<String> LABELS = List.of("out_of_scope", "billing", "cancel_contract", "data_usage", "device", "plan_change",
            "roaming", "signal", "sim_card");
    private static Workspace workspace;
    private static EmbeddedCorpus corpus;
    private static Layout layout;

    @TempDir
    Path dir;

    @BeforeAll
    static void map() {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
        corpus = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(Fixtures.sample("en")), "all-minilm-l6-v2", ProgressListener.NONE,
                CancellationToken.none());
        layout = Layouts.defaults(workspace).make(corpus, LayoutMethod.PCA, LayoutWatch.of(ProgressListener.NONE)).layout();
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static MapFigure figure(BitSet hidden, FigureTheme theme) {
        Colouring colouring = ColourBy.label(corpus);
        return new MapFigure(layout, colouring, hidden, MapLabels.of(layout, colouring, hidden), "telecom-support-en.csv — PCA map",
                "402 texts · all-minilm-l6-v2 · coloured by label", theme, WIDTH, HEIGHT);
    }

    @Test
    void theLegendCountsEachLabelTheMapNamesThemAndNoTextLeavesTheFigure() throws Exception {
        Path png = dir.resolve("map.png");
        List<Pen.Placed> texts = FigureFile.write(figure(new BitSet(), FigureTheme.LIGHT), png, 2);

        List<String> words = texts.stream().map(Pen.Placed::text).toList();
        assertThat(words).contains("telecom-support-en.csv — PCA map", "402 texts · all-minilm-l6-v2 · coloured by label", "Label", "82", "40");
        // Each label in the legend, and most of them written on the map where their points are.
        for (String label : LABELS) {
            assertThat(words.stream().filter(label::equals).count()).as(label).isGreaterThanOrEqualTo(1);
        }
        assertThat(words.stream().filter(LABELS::contains).count()).as("legend entries and names on the map").isGreaterThan(LABELS.size());
        TextsInside.check(texts, WIDTH, HEIGHT);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * WIDTH);
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).isEqualTo(FigureTheme.LIGHT.background());
        Files.copy(png, Fixtures.screenshots().resolve("figure-map.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aFilteredMapDrawsAndCountsOnlyTheRowsShown() {
        BitSet hidden = new BitSet();
        for (int i = 0; i < corpus.size(); i++) {
            if (!"billing".equals(corpus.row(i).label())) {
                hidden.set(i);
            }
        }
        List<String> words = FigureFile.write(figure(hidden, FigureTheme.LIGHT), dir.resolve("billing.svg"), 1).stream()
                .map(Pen.Placed::text).toList();
        assertThat(words).contains("billing", "40").doesNotContain("out_of_scope", "82", "sim_card", "Point density");
    }

    @Test
    void inTheDarkThemeTheSvgAndPdfCarryTheTextOnTheDarkPage() throws Exception {
        Path svg = dir.resolve("map.svg");
        FigureFile.write(figure(new BitSet(), FigureTheme.DARK), svg, 1);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength()).isGreaterThan(20);
        assertThat(Files.readString(svg)).contains("cancel_contract").contains("telecom-support-en.csv");

        Path pdf = dir.resolve("map.pdf");
        FigureFile.write(figure(new BitSet(), FigureTheme.DARK), pdf, 1);
        try (PDDocument opened = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(opened)).contains("Label").contains("plan_change");
            BufferedImage page = new PDFRenderer(opened).renderImage(0);
            assertThat(page.getRGB(3, 3) & 0xFFFFFF).as("the page is the dark theme's").isEqualTo(FigureTheme.DARK.background());
            ImageIO.write(page, "png", Fixtures.screenshots().resolve("figure-map-dark-pdf.png").toFile());
        }
    }

    @Test
    void aHundredThousandPointsAreOneRasterWithTheirDensityNotAHundredThousandShapes() throws Exception {
        // Two clusters of 50,000 points each: past the count where the window turns density on.
        Random random = new Random(7);
        int n = 100_000;
        float[] x = new float[n];
        float[] y = new float[n];
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean left = i % 2 == 0;
            x[i] = (float) ((left ? -3 : 3) + random.nextGaussian());
            y[i] = (float) random.nextGaussian();
            values.add(left ? "left" : "right");
        }
        Layout big = new Layout(x, y);
        Colouring colouring = Colouring.categorical("Side", values);
        MapFigure figure = new MapFigure(big, colouring, new BitSet(), MapLabels.of(big, colouring, new BitSet()), "two clusters",
                "100,000 points", FigureTheme.LIGHT, WIDTH, HEIGHT);

        Path svg = dir.resolve("big.svg");
        FigureFile.write(figure, svg, 1);
        String text = Files.readString(svg);
        assertThat(text).contains("<image");
        assertThat(Files.size(svg)).as("one raster, not a shape a point").isLessThan(5_000_000);

        for (double scale : new double[] {1, 2}) {
            Path png = dir.resolve("big-" + scale + ".png");
            List<String> words = FigureFile.write(figure, png, scale).stream().map(Pen.Placed::text).toList();
            assertThat(words).contains("left", "right", "50,000", "Point density", "sparse", "dense");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo((int) (WIDTH * scale));
            // At either scale each cluster's centre is covered by its colour, blended with the density under it.
            assertThat(nearest(image, 0.25, Palette.category(0), Palette.category(1))).isEqualTo(Palette.category(0));
            assertThat(nearest(image, 0.55, Palette.category(0), Palette.category(1))).isEqualTo(Palette.category(1));
            Files.copy(png, Fixtures.screenshots().resolve("figure-map-100k-x" + (int) scale + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path pdf = dir.resolve("big.pdf");
        FigureFile.write(figure, pdf, 1);
        try (PDDocument opened = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(opened)).contains("Point density");
            BufferedImage page = new PDFRenderer(opened).renderImage(0);
            assertThat(nearest(page, 0.25, Palette.category(0), Palette.category(1))).isEqualTo(Palette.category(0));
            assertThat(nearest(page, 0.55, Palette.category(0), Palette.category(1))).isEqualTo(Palette.category(1));
        }
    }

    /** Which of two colours the pixels around {@code (fraction of the width, the map's middle)} are closer to, on average. */
    private static int nearest(BufferedImage image, double fractionX, int a, int b) {
        long toA = 0;
        long toB = 0;
        int cx = (int) (image.getWidth() * fractionX);
        int cy = image.getHeight() / 2 + image.getHeight() / 30;
        for (int dy = -10; dy <= 10; dy++) {
            for (int dx = -10; dx <= 10; dx++) {
                int c = image.getRGB(cx + dx, cy + dy);
                toA += distance(c, a);
                toB += distance(c, b);
            }
        }
        return toA < toB ? a : b;
    }

    private static int distance(int c, int d) {
        return Math.abs((c >> 16 & 0xFF) - (d >> 16 & 0xFF)) + Math.abs((c >> 8 & 0xFF) - (d >> 8 & 0xFF)) + Math.abs((c & 0xFF) - (d & 0xFF));
    }
}
