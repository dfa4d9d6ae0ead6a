package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
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
        Path file = PdfFixtures.onePage(dir.resolve("minipages.pdf"), cs -> {
            // Two minipages placed over each other, baselines 2.6 pt apart.
            text(cs, REGULAR, 10, 72, 700, "And this is in a box");
            text(cs, REGULAR, 10, 95, 697.4f, "minipage overlapping");
        });

        String md = convert(file);

        assertThat(md).contains("And this is in a box").contains("minipage overlapping");
    }

    @Test
    void threeLayersOfTextAreReadOneAfterTheOtherOnEveryPage() throws Exception {
        Path file = dir.resolve("layers.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int page = 1; page <= 3; page++) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                    text(cs, REGULAR, 10, 72, 700, "first layer of page " + page);
                    text(cs, REGULAR, 10, 80, 697.4f, "second layer drawn over");
                    text(cs, REGULAR, 10, 88, 694.8f, "third layer drawn over both");
                }
            }
            doc.save(file.toFile());
        }

        String md = convert(file);

        for (int page = 1; page <= 3; page++) {
            assertThat(md).contains("first layer of page " + page);
        }
        assertThat(md.split("second layer drawn over", -1)).hasSize(4);
        assertThat(md.split("third layer drawn over both", -1)).hasSize(4);
    }

    @Test
    void aLargeLogoDrawnAcrossSmallTextIsReadApart() throws Exception {
        Path file = PdfFixtures.onePage(dir.resolve("logo.pdf"), cs -> {
            text(cs, REGULAR, 9, 72, 700, "texografie");
            String[] marks = {"\\", "[", "]", "{", "}"};
            for (int i = 0; i < marks.length; i++) {
                text(cs, REGULAR, 23, 73 + i * 8, 696, marks[i]);
            }
        });

        String md = convert(file);

        assertThat(md).contains("texografie").containsPattern("\\\\+\\[\\\\?\\]");
    }

    @Test
    void loweredLettersKernedIntoTheirNeighboursStayInTheirWords() throws Exception {
        Path file = PdfFixtures.onePage(dir.resolve("tex-logo.pdf"), cs -> {
            float x = draw(cs, 72, "With ");
            x = texLogo(cs, x);
            x = draw(cs, x, " and ");
            x = texLogo(cs, x);
            draw(cs, x, " twice.");
        });

        String md = convert(file);

        assertThat(md).contains("With TEX and TEX twice.");
    }

    @Test
    void aLoweredLetterSortedPastALineOfTheNextColumnStaysInItsWord() throws Exception {
        Path file = PdfFixtures.onePage(dir.resolve("tex-logo-columns.pdf"), cs -> {
            // A table of contents in two columns whose baselines are offset: the right column's
            // "6 Conclusion" lies between the baselines of the T and of the lowered E.
            String[] right = {"5.1 Reasoning", "5.2 Dependencies", "5.3 Detailed Measures", "6 Conclusion", "Index"};
            for (int i = 0; i < right.length; i++) {
                text(cs, REGULAR, 12, 320, 735.7f - i * 20, right[i]);
            }
            text(cs, REGULAR, 12, 72, 730, "3 Advices on Acceptance");
            text(cs, REGULAR, 12, 72, 710, "Dissertation Typesetting");
            float t = REGULAR.getStringWidth("with T") / 1000 * 12 - 2;
            float e = REGULAR.getStringWidth("E") / 1000 * 12 - 1.5f;
            text(cs, REGULAR, 12, 72, 670, "with T");
            text(cs, REGULAR, 12, 72 + t, 667.24f, "E");
            text(cs, REGULAR, 12, 72 + t + e, 670, "X");
            text(cs, REGULAR, 12, 72, 650, "3.1 Reasoning");
        });

        String md = convert(file);

        assertThat(md).contains("with TEX").doesNotContain("T EX");
    }

    private static float draw(PDPageContentStream cs, float x, String s) throws IOException {
        text(cs, REGULAR, 10, x, 700, s);
        return x + REGULAR.getStringWidth(s) / 1000 * 10;
    }

    /** The TeX logo: an E lowered half an x-height and kerned under the T and the X. */
    private static float texLogo(PDPageContentStream cs, float x) throws IOException {
        float t = REGULAR.getStringWidth("T") / 1000 * 10;
        float e = REGULAR.getStringWidth("E") / 1000 * 10;
        text(cs, REGULAR, 10, x, 700, "T");
        text(cs, REGULAR, 10, x + t * 0.7f, 697.8f, "E");
        return draw(cs, x + t * 0.7f + e * 0.8f, "X");
    }
}
