package org.embex.desktop.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import org.embex.desktop.Fixtures;
import org.embex.usecase.ThresholdStudy;

/** The threshold figure as a reader needs it, in each format written from the one drawing. */
class ThresholdFigureTest {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;

    @TempDir
    Path dir;

    /** Two models' studies of 300 questions: a good one and a weaker one. */
    private static List<ThresholdStudy> studies() {
        Random random = new Random(18);
        boolean[] positive = new boolean[300];
        double[] good = new double[300];
        double[] weak = new double[300];
        List<String> texts = new ArrayList<>();
        int[] rows = new int[300];
        for (int i = 0; i < 300; i++) {
            positive[i] = i % 3 != 0;
            good[i] = (positive[i] ? 0.6 : 0.3) + 0.12 * random.nextGaussian();
            weak[i] = (positive[i] ? 0.55 : 0.45) + 0.12 * random.nextGaussian();
            texts.add("question " + i);
            rows[i] = i;
        }
        return List.of(ThresholdStudy.of("good-model", "in scope vs 'oos'", good, positive, texts, rows, Optional.empty()),
                ThresholdStudy.of("weak-model", "in scope vs 'oos'", weak, positive, texts, rows, Optional.empty()));
    }

    @Test
    void axesLegendsAndTheOperatingPointsAreThereAndNoTextLeavesTheFigure() throws Exception {
        Path png = dir.resolve("roc.png");
        List<Pen.Placed> texts = FigureFile.write(new ThresholdFigure(studies(), FigureTheme.LIGHT, WIDTH, HEIGHT), png, 2);

        List<String> words = texts.stream().map(Pen.Placed::text).toList();
        assertThat(words).contains("false positive rate", "true positive rate", "recall", "precision", "score", "texts in the bin",
                "0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "positive (200)", "negative (100)", "both", "accepted", "refused");
        // The legends name exactly the two models, with the header's figures.
        assertThat(words.stream().filter(word -> word.contains("(AUROC ")).toList()).hasSize(2)
                .anySatisfy(word -> assertThat(word).startsWith("good-model")).anySatisfy(word -> assertThat(word).startsWith("weak-model"));
        assertThat(words.stream().filter(word -> word.startsWith("t = ")).toList()).as("each model's operating point, on both curves").hasSize(4);
        assertThat(words.stream().filter(word -> word.startsWith("threshold ")).toList()).hasSize(1);
        TextsInside.check(texts, WIDTH, HEIGHT);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as("scale 2: two pixels a point").isEqualTo(2 * WIDTH);
        assertThat(image.getHeight()).isEqualTo(2 * HEIGHT);
        java.nio.file.Files.copy(png, Fixtures.screenshots().resolve("figure-roc.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theSvgParsesAndCarriesItsText() throws Exception {
        Path svg = dir.resolve("roc.svg");
        FigureFile.write(new ThresholdFigure(studies(), FigureTheme.LIGHT, WIDTH, HEIGHT), svg, 1);

        assertThat(java.nio.file.Files.readString(svg)).as("no DOCTYPE: nothing for a reader to fetch").doesNotContain("<!DOCTYPE");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        NodeList texts = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent().strip());
        }
        assertThat(words).contains("false positive rate", "recall", "score").anySatisfy(word -> assertThat(word).startsWith("weak-model"));
    }

    @Test
    void thePdfOpensRendersAndItsTextCanBeFound() throws Exception {
        Path pdf = dir.resolve("roc.pdf");
        FigureFile.write(new ThresholdFigure(studies(), FigureTheme.LIGHT, WIDTH, HEIGHT), pdf, 1);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("false positive rate").contains("good-model").contains("Confusion matrix");
            BufferedImage page = new PDFRenderer(document).renderImage(0, 1);
            assertThat(page.getWidth()).isEqualTo(WIDTH);
            long inked = 0;
            for (int y = 0; y < page.getHeight(); y += 3) {
                for (int x = 0; x < page.getWidth(); x += 3) {
                    inked += (page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
                }
            }
            assertThat(inked).as("drawn pixels of the rendered page").isGreaterThan(5000);
            ImageIO.write(page, "png", Fixtures.screenshots().resolve("figure-roc-from-pdf.png").toFile());
        }
    }

    @Test
    void aNameWithoutAFigureFormatIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FigureFormat.of(Path.of("roc.jpg")))
                .isInstanceOf(org.embex.BadInputException.class).hasMessageContaining(".png, .svg or .pdf");
    }
}
