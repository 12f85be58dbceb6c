package org.embex.desktop.figure;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.w3c.dom.Document;


/**
 * A figure written to a file in the format its name says, from its one drawing: PNG through an
 * image (at {@code scale} pixels a point, for high-DPI screens and print) and embex's PNG writer, SVG through Batik's
 * SVGGraphics2D with texts kept as text, PDF through PDFBox with the standard fonts, so its texts can
 * be searched and copied. Written beside the target and moved over it, so a failure leaves no half file.
 */
public final class FigureFile {

    /** Pixels per point of a raster layer in an SVG or PDF: 144 dots an inch, sharp on paper and on a high-DPI screen. */
    private static final double VECTOR_RASTER = 2;

    private FigureFile() {
    }

    /** Writes {@code figure}; the texts it drew, with their bounds in points. */
    public static List<Pen.Placed> write(Figure figure, Path target, double scale) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            List<Pen.Placed> texts = switch (FigureFormat.of(target)) {
                case PNG -> png(figure, partial, scale);
                case SVG -> svg(figure, partial);
                case PDF -> pdf(figure, partial);
            };
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the target is what matters; a stray partial file is named for what it is
            }
        }
    }

    private static List<Pen.Placed> png(Figure figure, Path file, double scale) throws IOException {
        BufferedImage image = new BufferedImage((int) Math.round(figure.width() * scale), (int) Math.round(figure.height() * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        List<Pen.Placed> texts;
        try {
            g.scale(scale, scale);
            texts = drawOn(g, figure, scale);
        } finally {
            g.dispose();
        }
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            PngEncoding.write(argb, image.getWidth(), image.getHeight(), out);
        }
        return texts;
    }

    private static List<Pen.Placed> svg(Figure figure, Path file) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setImageHandler(new PngImages());
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(figure.width(), figure.height()));
        List<Pen.Placed> texts = drawOn(g, figure, VECTOR_RASTER);
        // The root element written by the JDK's serialiser, not Batik's stream: that adds a DOCTYPE naming
        // a DTD on w3.org, which a reader of the file (a browser, an XML parser) might go and fetch.
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            Transformer serialiser = TransformerFactory.newInstance().newTransformer();
            serialiser.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            serialiser.setOutputProperty(OutputKeys.INDENT, "yes");
            serialiser.transform(new DOMSource(g.getRoot()), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("could not serialise the SVG: " + e.getMessage(), e);
        }
        return texts;
    }

    /**
     * A raster layer kept inside the SVG as a PNG in a data URL, encoded by embex's own PNG writer:
     * Batik's encoder looks for an image codec that is not on the classpath.
     */
    private static final class PngImages extends ImageHandlerBase64Encoder {

        @Override
        public void encodeImage(RenderedImage image, OutputStream out) throws SVGGraphics2DIOException {
            BufferedImage pixels = image instanceof BufferedImage buffered ? buffered : copy(image);
            int[] argb = pixels.getRGB(0, 0, pixels.getWidth(), pixels.getHeight(), null, 0, pixels.getWidth());
            try {
                PngEncoding.write(argb, pixels.getWidth(), pixels.getHeight(), out);
            } catch (IOException e) {
                throw new SVGGraphics2DIOException(e);
            }
        }
    }

    private static BufferedImage copy(RenderedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawRenderedImage(image, new java.awt.geom.AffineTransform());
        } finally {
            g.dispose();
        }
        return copy;
    }

    private static List<Pen.Placed> pdf(Figure figure, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(figure.width(), figure.height()));
            document.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, figure.width(), figure.height());
            g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
            List<Pen.Placed> texts;
            try {
                texts = drawOn(g, figure, VECTOR_RASTER);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g.getXFormObject());
            }
            document.save(file.toFile());
            return texts;
        }
    }

    private static List<Pen.Placed> drawOn(Graphics2D g, Figure figure, double pixelsPerPoint) {
        g.setColor(new java.awt.Color(figure.theme().background()));
        g.fillRect(0, 0, figure.width(), figure.height());
        Pen pen = new Pen(g, pixelsPerPoint);
        figure.draw(pen);
        return pen.texts();
    }
}
