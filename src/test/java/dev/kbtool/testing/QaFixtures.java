package dev.kbtool.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Documents with known answers on known pages, for tests of asking the knowledge base: a
 * four-page PDF guide to a lighthouse (each fact on its own page) and a Markdown note on ferries.
 */
public final class QaFixtures {
    /** The guide's pages, one list of lines per page. */
    public static final List<List<String>> GUIDE = List.of(
            List.of("Lighthouses of the North Coast",
                    "This guide describes the lighthouses of the north coast and the people who kept them.",
                    "Each chapter walks along one stretch of the shore."),
            List.of("The Skerry Light",
                    "The Skerry Light was built in 1843 by the engineer Thomas Marwick.",
                    "Its tower of grey granite stands on the highest rock of the island."),
            List.of("The lantern",
                    "The lantern of the Skerry Light holds a first-order Fresnel lens.",
                    "Its beam is visible for twenty-four nautical miles in clear weather."),
            List.of("Automation",
                    "Since 1991 the Skerry Light has been automated.",
                    "No keeper has lived on the island after that year."));

    public static final String FERRIES = """
            # Ferries

            The morning ferry to the island leaves the harbour at seven o'clock.

            Tickets for the crossing cost twelve euros for adults.
            """;

    private QaFixtures() {
    }

    /** Writes {@code guide.pdf} and {@code ferries.md} into {@code dir}. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Fixtures.write(dir.resolve("ferries.md"), FERRIES);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument()) {
            for (List<String> lines : GUIDE) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 760;
                    for (int i = 0; i < lines.size(); i++) {
                        cs.beginText();
                        cs.setFont(i == 0 ? bold : font, i == 0 ? 18 : 11);
                        cs.newLineAtOffset(60, y);
                        cs.showText(lines.get(i));
                        cs.endText();
                        y -= i == 0 ? 34 : 16;
                    }
                }
            }
            doc.save(dir.resolve("guide.pdf").toFile());
        }
    }
}
