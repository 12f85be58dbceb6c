package org.embex.desktop.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import org.embex.Seed;
import org.embex.desktop.Fixtures;
import org.embex.layout.LayoutWatch;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.LayoutMethod;
import org.embex.usecase.Layouts;
import org.embex.usecase.ModelPair;
import org.embex.usecase.SideBySide;
import org.embex.usecase.Workspace;
import org.embex.vectors.Metric;

/** The English sample by MiniLM and by the Chinese bge model, side by side as a figure, in each format. */
class CompareFigureTest {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;
    private static Workspace workspace;
    private static SideBySide sides;

    @TempDir
    Path dir;

    @BeforeAll
    static void compare() {
        workspace = Workspace.open(Fixtures.models(), Fixtures.newCache());
        EmbeddedCorpus first = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(Fixtures.sample("en")), "all-minilm-l6-v2",
                ProgressListener.NONE, CancellationToken.none());
        ModelPair pair = ModelPair.of(workspace, first, "bge-small-zh-v1.5", Optional.empty(), Metric.COSINE, Optional.empty(),
                Seed.DEFAULT, ProgressListener.NONE, CancellationToken.none());
        var layout = Layouts.defaults(workspace).make(first, LayoutMethod.PCA, LayoutWatch.of(ProgressListener.NONE)).layout();
        sides = SideBySide.of(workspace, pair, layout, LayoutMethod.PCA, CancellationToken.none());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void theLegendNamesTheLabelsTheFiguresAndTheListFitAndNoTextLeavesTheFigure() {
        List<Pen.Placed> texts = FigureFile.write(new CompareFigure(sides, false, FigureTheme.LIGHT, WIDTH, HEIGHT), dir.resolve("compare.png"), 1);

        List<String> words = texts.stream().map(Pen.Placed::text).toList();
        assertThat(words).contains("all-minilm-l6-v2", "bge-small-zh-v1.5 (turned onto the left map)", "Label", "k-NN label accuracy",
                "label silhouette", "gate AUROC");
        // The legend: every label of the sample with its count.
        for (String label : List.of("out_of_scope", "billing", "cancel_contract", "data_usage", "device", "plan_change", "roaming",
                "signal", "sim_card")) {
            assertThat(words).contains(label);
        }
        assertThat(words).contains("82", "40");
        TextsInside.check(texts, WIDTH, HEIGHT);
    }

    @Test
    void byAgreementTheLegendIsAColourBarAndTheSvgAndPdfCarryTheText() throws Exception {
        Path svg = dir.resolve("compare.svg");
        List<Pen.Placed> texts = FigureFile.write(new CompareFigure(sides, true, FigureTheme.LIGHT, WIDTH, HEIGHT), svg, 1);
        assertThat(texts.stream().map(Pen.Placed::text).toList()).contains("Neighbour agreement").doesNotContain("sim_card (40)");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList svgTexts = factory.newDocumentBuilder().parse(svg.toFile()).getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        assertThat(svgTexts.getLength()).isGreaterThan(20);
        assertThat(Files.readString(svg)).contains("Neighbour agreement").contains("gate AUROC");

        Path pdf = dir.resolve("compare.pdf");
        FigureFile.write(new CompareFigure(sides, true, FigureTheme.LIGHT, WIDTH, HEIGHT), pdf, 1);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("bge-small-zh-v1.5").contains("Neighbour agreement");
        }
        FigureFile.write(new CompareFigure(sides, true, FigureTheme.LIGHT, WIDTH, HEIGHT), Fixtures.screenshots().resolve("figure-compare.png"), 1);
    }
}
