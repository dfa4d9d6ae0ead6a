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

    /**
     * Converts a line drawn as {@code head}, then an acute accent {@code shift} points from where
     * {@code head} ends, then {@code tail} where {@code head} ends.
     */
    private String lineWithAccent(String head, float shift, String tail) throws Exception {
        Path file = dir.resolve("accent.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, REGULAR, SIZE, 72, 700, head);
                float end = 72 + width(head);
                text(cs, REGULAR, SIZE, end + shift, 700, "\u00B4");
                text(cs, REGULAR, SIZE, end, 700, tail);
            }
            doc.save(file.toFile());
        }
        return convert(file);
    }

    @Test
    void anAccentDrawnBeforeItsLetterGoesOnThatLetterNotOnTheOneBefore() throws Exception {
        // As TeX sets \'e: the accent first, over the e, its box reaching a fifth into the f.
        String md = lineWithAccent("The word caf", -0.2f * width("f"), "e is open.");

        assertThat(md).contains("The word café is open.").doesNotContain("f\u0301");
    }

    @Test
    void anAccentDrawnAfterItsLetterStaysOnIt() throws Exception {
        String md = lineWithAccent("The word cafe", -0.8f * width("e"), " is open.");

        assertThat(md).contains("The word café is open.");
    }
}
