package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text drawn over other text on nearly the same baseline, which PDFBox alone reads interleaved. */
class PdfOverprintTest {
    @TempDir
    Path dir;

    private String convert(Path pdf) throws Exception {
        return new PdfConverter().convert(new ConversionRequest(pdf, null, null)).markdown();
    }

    @Test
    void twoOverlappingBoxesOfTextAreReadOneAfterTheOther() throws Exception {
        Path file = dir.resolve("minipages.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // Two minipages placed over each other, baselines 2.6 pt apart.
                text(cs, REGULAR, 10, 72, 700, "And this is in a box");
                text(cs, REGULAR, 10, 95, 697.4f, "minipage overlapping");
            }
            doc.save(file.toFile());
        }

        String md = convert(file);

        assertThat(md).contains("And this is in a box").contains("minipage overlapping");
    }

    @Test
    void aLargeLogoDrawnAcrossSmallTextIsReadApart() throws Exception {
        Path file = dir.resolve("logo.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, REGULAR, 9, 72, 700, "texografie");
                String[] marks = {"\\", "[", "]", "{", "}"};
                for (int i = 0; i < marks.length; i++) {
                    text(cs, REGULAR, 23, 73 + i * 8, 696, marks[i]);
                }
            }
            doc.save(file.toFile());
        }

        String md = convert(file);

        assertThat(md).contains("texografie").containsPattern("\\\\+\\[\\\\?\\]");
    }

    @Test
    void loweredLettersKernedIntoTheirNeighboursStayInTheirWords() throws Exception {
        Path file = dir.resolve("tex-logo.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float x = draw(cs, 72, "With ");
                x = texLogo(cs, x);
                x = draw(cs, x, " and ");
                x = texLogo(cs, x);
                draw(cs, x, " twice.");
            }
            doc.save(file.toFile());
        }

        String md = convert(file);

        assertThat(md).contains("With TEX and TEX twice.");
    }

    private static float draw(PDPageContentStream cs, float x, String s) throws Exception {
        text(cs, REGULAR, 10, x, 700, s);
        return x + REGULAR.getStringWidth(s) / 1000 * 10;
    }

    /** The TeX logo: an E lowered half an x-height and kerned under the T and the X. */
    private static float texLogo(PDPageContentStream cs, float x) throws Exception {
        float t = REGULAR.getStringWidth("T") / 1000 * 10;
        float e = REGULAR.getStringWidth("E") / 1000 * 10;
        text(cs, REGULAR, 10, x, 700, "T");
        text(cs, REGULAR, 10, x + t * 0.7f, 697.8f, "E");
        return draw(cs, x + t * 0.7f + e * 0.8f, "X");
    }
}
