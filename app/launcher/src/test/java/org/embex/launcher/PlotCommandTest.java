package org.embex.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.cli.EmbexCommand;
import org.embex.desktop.map.Palette;
import org.embex.desktop.Fixtures;


class PlotCommandTest {

    private static int run(String... args) {
        return EmbexCommand.commandLine(new OpenCommand(), new PlotCommand()).execute(args);
    }

    @Test
    void plotDrawsTheLabelledMapToAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        int exit = run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                "--width", "900", "--height", "600", "-o", png.toString(),
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString(), "--quiet");

        assertThat(exit).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
        // Every one of the nine labels' colours covers more than its legend swatch (113 pixels): its points are drawn.
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        for (int c = 0; c < 9; c++) {
            int colour = Palette.category(c);
            assertThat(nearby(colours, colour)).as("colour %06x", colour).isGreaterThan(300);
        }
        Files.copy(png, Fixtures.screenshots().resolve("plot-sample-en.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void plotWhereDrawsOnlyTheRowsThatPassOnTheWholeMap(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("billing.png");
        int exit = run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                "--where", "label=billing", "--width", "900", "--height", "600", "-o", png.toString(),
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString(), "--quiet");

        assertThat(exit).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        // Billing (the second most frequent label) is drawn; out_of_scope, the first, only as its legend swatch.
        assertThat(nearby(colours, Palette.category(1))).isGreaterThan(300);
        assertThat(nearby(colours, Palette.category(0))).isLessThan(200);
        Files.copy(png, Fixtures.screenshots().resolve("plot-where-billing.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Pixels within a few levels of {@code colour}: point centres blend a little with the background. */
    private static int nearby(Map<Integer, Integer> colours, int colour) {
        int total = 0;
        for (Map.Entry<Integer, Integer> entry : colours.entrySet()) {
            int c = entry.getKey();
            int distance = Math.abs((c >> 16 & 0xFF) - (colour >> 16 & 0xFF)) + Math.abs((c >> 8 & 0xFF) - (colour >> 8 & 0xFF))
                    + Math.abs((c & 0xFF) - (colour & 0xFF));
            if (distance <= 60) {
                total += entry.getValue();
            }
        }
        return total;
    }

    @Test
    void theRocAndCompareViewsRenderWithTheirFigures(@TempDir Path dir) throws Exception {
        Path roc = dir.resolve("roc.png");
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine commandLine = EmbexCommand.commandLine(new OpenCommand(), new PlotCommand());
        commandLine.setOut(new java.io.PrintWriter(out));
        int exit = commandLine.execute("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--view", "roc",
                "--width", "1200", "--height", "760", "-o", roc.toString(), "--json", "--quiet",
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString());
        assertThat(exit).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(json.get("auroc").get("all-minilm-l6-v2").asDouble()).isGreaterThan(0.9);
        // The figure's numbers: the operating point it marks, and its confusion matrix over every query.
        var figure = json.get("models").get(0);
        assertThat(figure.get("youden_threshold").asDouble()).isBetween(0.0, 1.0);
        var confusion = figure.get("confusion");
        assertThat(confusion.get("true_positives").asLong() + confusion.get("false_negatives").asLong()
                + confusion.get("false_positives").asLong() + confusion.get("true_negatives").asLong()).isEqualTo(242);
        assertThat(ImageIO.read(roc.toFile()).getWidth()).isEqualTo(1200);
        Files.copy(roc, Fixtures.screenshots().resolve("plot-roc-en.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path compare = dir.resolve("compare.png");
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--view", "compare", "--method", "pca",
                "--against", "bge-small-zh-v1.5", "-o", compare.toString(), "--quiet",
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString())).isZero();
        assertThat(ImageIO.read(compare.toFile()).getHeight()).isEqualTo(1000);
        // Coloured by agreement the picture differs; a colouring the view does not have is refused, no picture written.
        Path agreement = dir.resolve("agreement.png");
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--view", "compare", "--method", "pca",
                "--against", "bge-small-zh-v1.5", "--color", "agreement", "-o", agreement.toString(), "--quiet",
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString())).isZero();
        assertThat(Files.readAllBytes(agreement)).isNotEqualTo(Files.readAllBytes(compare));
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--view", "compare", "--method", "pca",
                "--against", "bge-small-zh-v1.5", "--color", "bogus", "-o", dir.resolve("bogus.png").toString(), "--quiet",
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString())).isEqualTo(2);
        assertThat(dir.resolve("bogus.png")).doesNotExist();
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--view", "compare",
                "-o", dir.resolve("no.png").toString(), "--quiet", "--models-dir", Fixtures.models().toString())).isEqualTo(2);
    }

    @Test
    void theMapIsAVectorFigureTooAndDarkDrawsEveryViewOnTheDarkPage(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("map.pdf");
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--method", "pca", "--dark", "-o", pdf.toString(),
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString(), "--quiet")).isZero();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("PCA map").contains("cancel_contract");
            BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImage(0);
            assertThat(page.getRGB(3, 3) & 0xFFFFFF).isEqualTo(org.embex.desktop.figure.FigureTheme.DARK.background());
        }
        Path roc = dir.resolve("roc.png");
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--view", "roc", "--dark", "--scale", "1.5",
                "-o", roc.toString(), "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString(), "--quiet")).isZero();
        BufferedImage image = ImageIO.read(roc.toFile());
        assertThat(image.getWidth()).isEqualTo(2400);
        assertThat(image.getRGB(4, 4) & 0xFFFFFF).isEqualTo(org.embex.desktop.figure.FigureTheme.DARK.background());
        // A name that says no format is refused before anything is embedded, and nothing is written.
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "-o", dir.resolve("map.gif").toString(),
                "--models-dir", Fixtures.models().toString(), "--quiet")).isEqualTo(2);
        assertThat(dir.resolve("map.gif")).doesNotExist();
        // A PNG past what embex draws in memory, and a compare figure too small for its panels, are refused, nothing written.
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--width", "8000", "--height", "8000",
                "--scale", "4", "-o", dir.resolve("huge.png").toString(), "--models-dir", Fixtures.models().toString(), "--quiet")).isEqualTo(2);
        assertThat(run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--view", "compare", "--against", "bge-small-zh-v1.5",
                "--method", "pca", "--width", "400", "--height", "300", "-o", dir.resolve("small.png").toString(),
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString(), "--quiet")).isEqualTo(2);
        assertThat(dir.resolve("huge.png")).doesNotExist();
        assertThat(dir.resolve("small.png")).doesNotExist();
    }

    @Test
    void anUnknownColumnIsABadInputThatNamesTheColumns(@TempDir Path dir) {
        int exit = run("plot", Fixtures.sample("en").toString(), "-m", "all-minilm-l6-v2", "--method", "pca",
                "--color", "nosuch", "-o", dir.resolve("x.png").toString(),
                "--models-dir", Fixtures.models().toString(), "--cache", Fixtures.newCache().toString(), "--quiet");
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
