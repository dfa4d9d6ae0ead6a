package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Combining marks reach the letter they are drawn on, whichever of the two was drawn first. */
class PdfMarksTest {
    private static final float SIZE = 12;

    @TempDir
    Path dir;

    private String convert(Path pdf) throws Exception {
        String md = new PdfConverter().convert(new ConversionRequest(pdf, null, null)).markdown();
        return Normalizer.normalize(md, Normalizer.Form.NFC);
    }

    private static float width(String s) throws Exception {
        return REGULAR.getStringWidth(s) / 1000 * SIZE;
    }

    @Test
    void anAccentDrawnBeforeItsLetterGoesOnThatLetterNotOnTheOneBefore() throws Exception {
        Path file = dir.resolve("accent.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, REGULAR, SIZE, 72, 700, "The word caf");
                float f = 72 + width("The word caf");
                // As TeX sets \'e: the accent first, over the e, its box reaching a fifth into the f.
                text(cs, REGULAR, SIZE, f - 0.2f * width("f"), 700, "\u00B4");
                text(cs, REGULAR, SIZE, f, 700, "e is open.");
            }
            doc.save(file.toFile());
        }

        assertThat(convert(file)).contains("The word café is open.").doesNotContain("f\u0301");
    }

    @Test
    void anAccentDrawnAfterItsLetterStaysOnIt() throws Exception {
        Path file = dir.resolve("after.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, REGULAR, SIZE, 72, 700, "The word cafe");
                float e = 72 + width("The word caf");
                text(cs, REGULAR, SIZE, e + 0.2f * width("e"), 700, "\u00B4");
                text(cs, REGULAR, SIZE, e + width("e"), 700, " is open.");
            }
            doc.save(file.toFile());
        }

        assertThat(convert(file)).contains("The word café is open.");
    }
}
