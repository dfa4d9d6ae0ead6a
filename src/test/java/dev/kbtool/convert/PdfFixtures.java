package dev.kbtool.convert;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** Builds the PDFs the converter tests read, with PDFBox, so every fixture is known exactly. */
final class PdfFixtures {
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private PdfFixtures() {
    }

    /** Writes one line of text with its baseline at (x, y). */
    static void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    static PDPage page(PDDocument doc) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        return page;
    }

    static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    static PDImageXObject image(PDDocument doc, int w, int h) throws IOException {
        return LosslessFactory.createFromImage(doc, picture(w, h));
    }

    static void info(PDDocument doc, String title, String author) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        doc.setDocumentInformation(info);
    }

    static PDOutlineItem bookmark(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(page);
        return item;
    }

    static PDDocumentOutline outline(PDDocument doc) {
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        return outline;
    }

    /**
     * A TrueType font installed on this machine with a glyph for every character of {@code sample}
     * (standard-14 fonts have no Arabic or Hangul), or null. Files whose name contains
     * {@code preferred} are tried first, so the usual case parses one or two files.
     */
    static Path systemFont(String sample, String preferred) {
        for (String root : List.of("/usr/share/fonts", "/usr/local/share/fonts")) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> candidates;
            try (Stream<Path> files = Files.walk(dir)) {
                candidates = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf"))
                        .sorted(Comparator.comparing((Path f) -> !f.getFileName().toString().toLowerCase(Locale.ROOT)
                                .contains(preferred)).thenComparing(Comparator.naturalOrder()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path font : candidates) {
                if (covers(font, sample)) {
                    return font;
                }
            }
        }
        return null;
    }

    private static boolean covers(Path font, String sample) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
            return cmap != null && sample.codePoints().allMatch(cp -> cmap.getGlyphId(cp) != 0);
        } catch (IOException | RuntimeException e) {
            // Not a font PDFBox can read: look further.
            return false;
        }
    }

    /** Draws on one page. */
    interface Drawing {
        void draw(PDPageContentStream cs) throws IOException;
    }

    /** A one-page document drawn by {@code drawing}. */
    static Path onePage(Path file, Drawing drawing) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                drawing.draw(cs);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** A one-page document with a few lines of body text. */
    static Path simple(Path file, String... lines) throws IOException {
        return onePage(file, cs -> {
            float y = 700;
            for (String line : lines) {
                text(cs, REGULAR, 11, 72, y, line);
                y -= 14;
            }
        });
    }
}
